// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/vmregistry.h"

#include "models/vm/runtimefolder.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlayout.h"
#include "models/vm/vmlifecycle.h"

#include <QFileInfo>

VmRegistry::VmRegistry(VmLibrary *library, QObject *parent)
    : QObject(parent)
    , m_library(library)
{
    // Bursts of file events (a create writes several files) become one reload.
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(100);
    connect(&m_reloadTimer, &QTimer::timeout, this, &VmRegistry::reload);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this](const QString &path) {
        if (path.startsWith(RuntimeFolder::root()))
            onRuntimeChanged();
        else
            m_reloadTimer.start();
    });
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this] { m_reloadTimer.start(); });
    // The runtime root must exist to be watched: a VM the CLI starts later appears in it.
    if (const Outcome<> root = RuntimeFolder::ensureRoot(); !root)
        qWarning() << root.failure();
    // Whoever changes the library through this object (the window's dialogs) is followed
    // at once; changes made by other processes arrive through the watcher and reload().
    connect(m_library, &VmLibrary::changed, this, &VmRegistry::sync);
    reload();
}

VmRegistry::~VmRegistry()
{
    // Quietly: QEMU keeps running, only this process's view ends.
    for (VmInstance *vm : std::as_const(m_instances)) {
        vm->disconnect(this);
        delete vm;
    }
}

VmInstance *VmRegistry::instance(const QUuid &uuid) const
{
    return m_instances.value(uuid);
}

QList<VmInstance *> VmRegistry::instances() const
{
    return m_instances.values();
}

int VmRegistry::runningCount() const
{
    int n = 0;
    for (const VmInstance *vm : m_instances)
        n += VmLifecycle::hasProcess(vm->state()) && vm->state() != VmState::Paused ? 1 : 0;
    return n;
}

int VmRegistry::pausedCount() const
{
    int n = 0;
    for (const VmInstance *vm : m_instances)
        n += vm->state() == VmState::Paused ? 1 : 0;
    return n;
}

void VmRegistry::reload()
{
    if (const Outcome<> loaded = m_library->reload(); !loaded) // changed() syncs on success
        qWarning() << loaded.failure();
}

void VmRegistry::sync()
{
    QHash<QUuid, const VmEntry *> readable;
    for (const VmEntry &e : m_library->entries()) {
        if (!e.isBroken())
            readable.insert(e.definition.uuid, &e);
    }
    bool countsMayChange = false;
    for (auto it = m_instances.begin(); it != m_instances.end();) {
        const VmEntry *e = readable.value(it.key());
        if (e && e->folder == it.value()->vmFolder()) {
            if (!(it.value()->definition() == e->definition) &&
                !VmLifecycle::hasProcess(it.value()->state()))
                it.value()->setDefinition(e->definition); // the next start uses it
            ++it;
            continue;
        }
        VmInstance *gone = it.value();
        it = m_instances.erase(it);
        countsMayChange |= VmLifecycle::hasProcess(gone->state());
        Q_EMIT instanceRemoved(gone);
        gone->disconnect(this);
        delete gone;
    }
    for (const VmEntry *e : std::as_const(readable)) {
        if (!m_instances.contains(e->definition.uuid))
            add(*e);
    }
    updateWatches();
    Q_EMIT changed();
    if (countsMayChange)
        Q_EMIT countsChanged();
}

void VmRegistry::add(const VmEntry &entry)
{
    auto *vm = new VmInstance(entry.definition, entry.folder, VmInstance::MonitorRole::Gui, this);
    m_instances.insert(entry.definition.uuid, vm);
    connect(vm, &VmInstance::stateChanged, this, [this, vm](VmState state) {
        // A definition changed on disk while QEMU ran is the one the next start uses.
        if (!VmLifecycle::hasProcess(state)) {
            if (const VmEntry *e = m_library->find(vm->definition().name);
                e && !e->isBroken() && e->definition.uuid == vm->definition().uuid &&
                !(e->definition == vm->definition()))
                vm->setDefinition(e->definition);
        }
        Q_EMIT stateChanged(vm);
        Q_EMIT countsChanged();
    });
    connect(vm, &VmInstance::attached, this, [this, vm] { Q_EMIT stateChanged(vm); });
    connect(vm, &VmInstance::processEnded, this,
            [this, vm](bool clean) { Q_EMIT processEnded(vm, clean); });
    Q_EMIT instanceAdded(vm);
    vm->attach();
}

void VmRegistry::updateWatches()
{
    QStringList wanted{m_library->root(), RuntimeFolder::root()};
    for (const VmEntry &e : m_library->entries())
        wanted << e.folder;
    for (const VmInstance *vm : std::as_const(m_instances))
        wanted << vm->runtimeFolder();
    QStringList add;
    for (const QString &path : std::as_const(wanted)) {
        if (QFileInfo(path).isDir() && !m_watcher.directories().contains(path))
            add << path;
    }
    if (!add.isEmpty())
        m_watcher.addPaths(add);
}

void VmRegistry::onRuntimeChanged()
{
    // Another Berth process started or stopped a VM: a stopped instance looks again.
    for (VmInstance *vm : std::as_const(m_instances)) {
        if (!VmLifecycle::hasProcess(vm->state()) &&
            QFileInfo::exists(VmLayout::ofRuntimeFolder(vm->runtimeFolder()).pidFilePath()))
            vm->attach();
    }
    updateWatches();
}
