// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/cli/setcommand.h"

#include "models/resources/resourcechange.h"
#include "models/vm/vmfields.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlimits.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

int cmdSet(CliSession &s)
{
    QCommandLineParser &p = s.parser();
    const VmEntry &e = s.entry();
    const VmDefinition base = e.definition;
    VmDefinition changed = base;
    bool asked = false;
    for (const VmField &f : VmFields::all()) {
        if (!f.parse)
            continue;
        const bool set = p.isSet(f.key);
        const bool clear = !f.clearOption.isEmpty() && p.isSet(f.clearOption);
        if (set && clear)
            throw CliError{
                CliText::tr("use either --%1 or --%2, not both").arg(f.key, f.clearOption),
                CliUsage};
        if (!set && !clear)
            continue;
        asked = true;
        const QString value = !set                    ? QString()
                              : f.valueName.isEmpty() ? u""_s // an option without value
                              : f.repeatable          ? p.values(f.key).join(u'\n')
                                                      : p.value(f.key);
        if (const QString why = f.parse(changed, value); !why.isEmpty())
            throw CliError{why, CliUsage};
    }
    if (!asked)
        throw CliError{
            CliText::tr("nothing to change: give at least one option (berth set --help)"),
            CliUsage};

    const QStringList keys = VmFields::differing(base, changed);
    const std::unique_ptr<VmInstance> instance = s.attached(e);
    // A running VM takes the live fields (its resources) at once; anything else waits for
    // it to stop.
    const bool running =
        instance->state() == VmState::Running || instance->state() == VmState::Paused;
    if (!(running && ResourceChange::onlyLiveFields(base, changed))) {
        if (const QString why = instance->refusal(VmAction::Edit); !why.isEmpty())
            throw CliError{why};
    }
    // The same rules as the New VM wizard and the settings page (ResourceChange checks the
    // errors again; the warning is the CLI's to print).
    const VmLimits::Verdict verdict = VmLimits::check(changed);
    if (!verdict.error.isEmpty())
        throw CliError{verdict.error};
    if (!verdict.warning.isEmpty())
        printLine(s.err(), CliText::tr("warning: %1").arg(verdict.warning));

    std::optional<Outcome<VmDefinition>> result;
    QEventLoop loop;
    ResourceChange::run(s.library(), instance.get(), base, changed, &loop,
                        [&](const Outcome<VmDefinition> &w) {
                            result = w;
                            loop.quit();
                        });
    if (!result)
        loop.exec();
    const Outcome<VmDefinition> written = *result;
    if (!written)
        throw CliError::from(written.failure());
    if (s.json()) {
        printJson(s.out(), QJsonObject{{u"name"_s, written->name},
                                       {u"changed"_s, QJsonArray::fromStringList(keys)},
                                       {u"definition"_s, written->toJson()}});
    } else if (keys.isEmpty()) {
        printLine(s.out(), CliText::tr("%1: nothing changed").arg(written->name));
    } else {
        printLine(s.out(), CliText::tr("%1: changed %2").arg(written->name, keys.join(u", "_s)));
    }
    return CliSuccess;
}

} // namespace

void addSetCommand(CliCommandTable &t)
{
    QList<QCommandLineOption> options;
    for (const VmField &f : VmFields::all()) {
        if (!f.parse)
            continue;
        QStringList names{f.key};
        if (!f.alias.isEmpty())
            names << f.alias;
        options << QCommandLineOption(names, QCoreApplication::translate("VmFields", f.help),
                                      f.valueName);
        if (!f.clearOption.isEmpty())
            options << QCommandLineOption(
                f.clearOption, f.valueName.isEmpty() ? CliText::tr("Turn --%1 off.").arg(f.key)
                                                     : CliText::tr("Remove the %1.").arg(f.key));
    }
    t[u"set"_s] = {QT_TRANSLATE_NOOP("CommandLine",
                                     "Change a stopped VM's settings (a running VM's resources: "
                                     "I/O limits, memory target, at once); changes made "
                                     "meanwhile elsewhere to other settings are kept."),
                   "NAME", options, cmdSet};
}
