// SPDX-License-Identifier: GPL-2.0-or-later
// berth snapshot list NAME, create NAME TAG, revert NAME TAG, delete NAME TAG.
#include "app/cli/snapshotcommands.h"

#include "models/snapshots/snapshotoperation.h"
#include "models/vm/vminstance.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace {

/// Runs one action on @p e's snapshots and waits for it; throws its error.
void run(CliSession &s, const VmEntry &e, std::unique_ptr<VmInstance> &instance,
         std::unique_ptr<SnapshotOperation> &operation,
         const std::function<void(SnapshotOperation &)> &action)
{
    instance = s.attached(e);
    operation = std::make_unique<SnapshotOperation>(instance.get());
    Outcome<> outcome;
    QEventLoop loop;
    QObject::connect(operation.get(), &SnapshotOperation::finished, &loop,
                     [&](const Outcome<> &result) {
                         outcome = result;
                         loop.quit();
                     });
    action(*operation);
    loop.exec();
    if (!outcome)
        throw CliError::from(outcome.failure());
}

QJsonArray describe(const SnapshotStore &store)
{
    QJsonArray all;
    for (const SnapshotInfo &i : store.snapshots()) {
        all.append(QJsonObject{
            {u"name"_s, i.name},
            {u"created"_s, i.created.toUTC().toString(Qt::ISODate)},
            {u"vm_state"_s, i.hasMemoryState},
            {u"description"_s, i.description},
            {u"parent"_s, i.parent.isEmpty() ? QJsonValue() : QJsonValue(i.parent)},
            {u"current"_s, i.name == store.current()},
            {u"thumbnail"_s, i.thumbnail.isEmpty() ? QJsonValue() : QJsonValue(i.thumbnail)},
            {u"every_disk"_s, i.coversEveryDisk},
        });
    }
    return all;
}

void printTree(CliSession &s, const SnapshotStore &store, const QString &parent, int depth)
{
    for (const QString &name : store.children(parent)) {
        const SnapshotInfo *i = store.find(name);
        QString line = QString(depth * 2, u' ') + i->name;
        if (i->name == store.current())
            line += u" *"_s;
        line += u"\t%1\t%2"_s.arg(i->created.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s),
                                  i->hasMemoryState ? CliText::tr("memory and disks")
                                                    : CliText::tr("disks only"));
        if (!i->description.isEmpty())
            line += u"\t"_s + i->description;
        if (!i->coversEveryDisk)
            line += u"\t"_s + CliText::tr("(not on every disk: one was added after it)");
        printLine(s.out(), line);
        printTree(s, store, name, depth + 1);
    }
}

int cmdSnapshot(CliSession &s)
{
    const QString action =
        s.positional(0, CliText::tr("an action (list, create, revert or delete)"));
    const int positionals = int(s.parser().positionalArguments().size());
    if (action == "list"_L1) {
        if (positionals > 2)
            throw CliError{CliText::tr("unexpected argument \"%1\"")
                               .arg(s.parser().positionalArguments().at(2)),
                           CliUsage};
        if (s.parser().isSet(u"description"_s))
            throw CliError{CliText::tr("--description is for snapshot create"), CliUsage};
        const VmEntry &e = s.entryAt(1);
        std::unique_ptr<VmInstance> instance;
        std::unique_ptr<SnapshotOperation> operation;
        run(s, e, instance, operation, [](SnapshotOperation &o) { o.refresh(); });
        if (s.json()) {
            printJson(s.out(), describe(operation->store()));
        } else {
            printTree(s, operation->store(), {}, 0);
        }
        return CliSuccess;
    }
    if (action != "create"_L1 && action != "revert"_L1 && action != "delete"_L1)
        throw CliError{
            CliText::tr("snapshot takes list, create, revert or delete, not \"%1\"").arg(action),
            CliUsage};
    if (action != "create"_L1 && s.parser().isSet(u"description"_s))
        throw CliError{CliText::tr("--description is for snapshot create"), CliUsage};
    const VmEntry &e = s.entryAt(1);
    const QString tag = s.positional(2, CliText::tr("the snapshot's TAG"));
    std::unique_ptr<VmInstance> instance;
    std::unique_ptr<SnapshotOperation> operation;
    run(s, e, instance, operation, [&](SnapshotOperation &o) {
        if (action == "create"_L1)
            o.create(tag, s.parser().value(u"description"_s));
        else if (action == "revert"_L1)
            o.revert(tag);
        else
            o.remove(tag);
    });
    const bool live = operation->wasLive();
    if (s.json()) {
        QJsonObject result{{u"name"_s, e.name()}, {u"snapshot"_s, tag}, {u"live"_s, live}};
        if (action == "delete"_L1)
            result.insert(u"deleted"_s, true);
        for (const QJsonValue &v : describe(operation->store())) {
            if (v.toObject().value("name"_L1).toString() == tag)
                result = v.toObject();
        }
        if (action != "create"_L1)
            result.insert(u"untouched_disks"_s,
                          QJsonArray::fromStringList(operation->untouchedDisks()));
        printJson(s.out(), result);
    } else if (action == "create"_L1) {
        printLine(s.out(),
                  live ? CliText::tr("Took snapshot %1 of %2 (memory and disks)").arg(tag, e.name())
                       : CliText::tr("Took snapshot %1 of %2 (disks only: it is stopped)")
                             .arg(tag, e.name()));
    } else if (action == "revert"_L1) {
        printLine(s.out(), CliText::tr("Reverted %1 to %2").arg(e.name(), tag));
    } else {
        printLine(s.out(), CliText::tr("Deleted snapshot %1 of %2").arg(tag, e.name()));
    }
    if (!s.json() && action != "create"_L1) {
        for (const QString &disk : operation->untouchedDisks())
            printLine(s.out(), CliText::tr("%1 does not hold %2 (it was added later) and was left "
                                           "as it was")
                                   .arg(disk, tag));
    }
    return CliSuccess;
}

} // namespace

void addSnapshotCommands(CliCommandTable &t)
{
    t[u"snapshot"_s] = {
        QT_TRANSLATE_NOOP("CommandLine",
                          "Snapshots: list NAME, create NAME TAG, revert NAME TAG, delete NAME "
                          "TAG. Live (memory and disks) while the VM runs, disks only while it "
                          "is stopped."),
        "list|create|revert|delete NAME [TAG]",
        {{u"description"_s, CliText::tr("A description for snapshot create."), u"TEXT"_s}},
        cmdSnapshot};
}
