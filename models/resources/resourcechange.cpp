// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/resources/resourcechange.h"

#include "models/vm/vmfields.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlibrary.h"
#include "models/vm/vmlimits.h"
#include "models/vm/vmresourcecontrol.h"
#include "qmp/qemumonitor.h"

#include <QPointer>

#include <algorithm>

bool ResourceChange::onlyLiveFields(const VmDefinition &base, const VmDefinition &changed)
{
    const QStringList keys = VmFields::differing(base, changed);
    return std::all_of(keys.begin(), keys.end(),
                       [](const QString &key) { return VmFields::find(key)->live; });
}

void ResourceChange::run(VmLibrary &library, VmInstance *instance, const VmDefinition &base,
                         const VmDefinition &changed, QObject *context, Done done)
{
    if (const VmLimits::Verdict v = VmLimits::check(changed); !v.error.isEmpty()) {
        done(Failure(v.error));
        return;
    }
    const bool running =
        instance && instance->qmp() && instance->pid() > 0 &&
        (instance->state() == VmState::Running || instance->state() == VmState::Paused);
    if (!running || VmFields::differing(base, changed).isEmpty()) {
        done(library.update(base.uuid, base, changed));
        return;
    }
    QPointer<VmLibrary> lib = &library;
    VmResourceControl::apply(QemuMonitor(*instance->qmp()), instance->pid(), changed, context,
                             [lib, base, changed, done](const QString &why) {
                                 if (!why.isEmpty()) {
                                     done(Failure(why));
                                 } else if (!lib) {
                                     done(Failure(VmLibrary::tr("The library was closed.")));
                                 } else {
                                     done(lib->update(base.uuid, base, changed));
                                 }
                             });
}
