// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/snapshots/snapshotstore.h"

#include "models/vm/vmlayout.h"
#include "models/vm/vmlibrary.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <utility>

using namespace Qt::Literals::StringLiterals;

QList<ImageSnapshot> ImageSnapshot::fromJson(const QJsonArray &snapshots)
{
    QList<ImageSnapshot> out;
    for (const QJsonValue &v : snapshots) {
        const QJsonObject o = v.toObject();
        ImageSnapshot s;
        s.id = o.value("id"_L1).toString();
        s.name = o.value("name"_L1).toString();
        s.created = QDateTime::fromSecsSinceEpoch(o.value("date-sec"_L1).toInteger(), Qt::UTC);
        s.vmStateSize = o.value("vm-state-size"_L1).toInteger();
        if (!s.name.isEmpty())
            out.append(s);
    }
    return out;
}

QList<ImageSnapshot> ImageSnapshot::onEveryDisk(const QList<QList<ImageSnapshot>> &perDisk)
{
    if (perDisk.isEmpty())
        return {};
    QList<ImageSnapshot> out;
    for (const ImageSnapshot &s : perDisk.first()) {
        const bool everywhere =
            std::all_of(perDisk.begin() + 1, perDisk.end(), [&](const QList<ImageSnapshot> &d) {
                return std::any_of(d.begin(), d.end(),
                                   [&](const ImageSnapshot &o) { return o.name == s.name; });
            });
        if (everywhere)
            out.append(s);
    }
    return out;
}

QList<ImageSnapshot> ImageSnapshot::onAnyDisk(const QList<QList<ImageSnapshot>> &perDisk)
{
    QList<ImageSnapshot> out;
    for (const QList<ImageSnapshot> &disk : perDisk) {
        for (const ImageSnapshot &s : disk) {
            if (std::none_of(out.begin(), out.end(),
                             [&](const ImageSnapshot &o) { return o.name == s.name; }))
                out.append(s);
        }
    }
    const QList<ImageSnapshot> everywhere = onEveryDisk(perDisk);
    for (ImageSnapshot &s : out)
        s.coversEveryDisk = std::any_of(everywhere.begin(), everywhere.end(),
                                        [&](const ImageSnapshot &e) { return e.name == s.name; });
    return out;
}

SnapshotStore::SnapshotStore(QString vmFolder)
    : m_vmFolder(std::move(vmFolder))
{}

QString SnapshotStore::validateTag(const QString &tag)
{
    if (tag.isEmpty())
        return tr("A snapshot needs a name");
    if (tag.size() > 127)
        return tr("A snapshot name has at most 127 characters");
    if (tag.trimmed() != tag)
        return tr("A snapshot name cannot start or end with a space");
    if (std::any_of(tag.begin(), tag.end(),
                    [](QChar c) { return c.category() == QChar::Other_Control; }))
        return tr("A snapshot name cannot contain control characters");
    if (std::all_of(tag.begin(), tag.end(), [](QChar c) { return c.isDigit(); }))
        return tr("A snapshot name cannot be only digits (QEMU would take it for a snapshot id)");
    return {};
}

Outcome<> SnapshotStore::load()
{
    m_snapshots.clear();
    m_current.clear();
    QFile file(VmLayout::ofFolder(m_vmFolder).snapshotsPath());
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly))
        return Failure(tr("cannot read %1: %2").arg(file.fileName(), file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Failure(
            tr("%1 is not valid JSON: %2").arg(file.fileName(), parseError.errorString()));
    if (!doc.isObject())
        return Failure(tr("%1 does not hold a JSON object").arg(file.fileName()));
    const QJsonObject root = doc.object();
    if (root.value("version"_L1).toInt() > SchemaVersion)
        return Failure(tr("%1 was written by a newer Berth").arg(file.fileName()));
    m_current = root.value("current"_L1).toString();
    const QJsonArray list = root.value("snapshots"_L1).toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        SnapshotInfo s;
        s.name = o.value("name"_L1).toString();
        s.description = o.value("description"_L1).toString();
        s.created = QDateTime::fromString(o.value("created"_L1).toString(), Qt::ISODate);
        s.hasMemoryState = o.value("vm_state"_L1).toBool();
        s.parent = o.value("parent"_L1).toString();
        s.thumbnail = o.value("thumbnail"_L1).toString();
        if (!VmLayout::ofFolder(m_vmFolder).isThumbnailPath(s.thumbnail))
            s.thumbnail.clear(); // a record never makes Berth show or delete another file
        if (!s.name.isEmpty() && !find(s.name))
            m_snapshots.append(s);
    }
    return {};
}

Outcome<> SnapshotStore::adoptThumbnails()
{
    // load() drops what lies outside this folder: read the names as they are written.
    QFile file(VmLayout::ofFolder(m_vmFolder).snapshotsPath());
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly))
        return Failure(tr("cannot read %1: %2").arg(file.fileName(), file.errorString()));
    const QJsonArray list =
        QJsonDocument::fromJson(file.readAll()).object().value("snapshots"_L1).toArray();
    if (Outcome<> loaded = load(); !loaded)
        return loaded;
    const VmLayout layout = VmLayout::ofFolder(m_vmFolder);
    bool changed = false;
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        const QString written = o.value("thumbnail"_L1).toString();
        const QString here = layout.thumbnailPath(QFileInfo(written).fileName());
        const auto it = std::find_if(m_snapshots.begin(), m_snapshots.end(), [&](const auto &s) {
            return s.name == o.value("name"_L1).toString();
        });
        if (written.isEmpty() || it == m_snapshots.end() || it->thumbnail == here)
            continue;
        it->thumbnail = QFileInfo(here).isFile() ? here : QString();
        changed = true;
    }
    return changed ? save() : Outcome<>();
}

Outcome<> SnapshotStore::save() const
{
    QJsonArray list;
    for (const SnapshotInfo &s : m_snapshots) {
        QJsonObject o{{u"name"_s, s.name},
                      {u"description"_s, s.description},
                      {u"created"_s, s.created.toUTC().toString(Qt::ISODate)},
                      {u"vm_state"_s, s.hasMemoryState},
                      {u"parent"_s, s.parent}};
        if (!s.thumbnail.isEmpty())
            o.insert(u"thumbnail"_s, s.thumbnail);
        list.append(o);
    }
    const QJsonObject root{
        {u"version"_s, SchemaVersion}, {u"current"_s, m_current}, {u"snapshots"_s, list}};
    return VmLibrary::writeFileAtomically(VmLayout::ofFolder(m_vmFolder).snapshotsPath(),
                                          QJsonDocument(root).toJson(QJsonDocument::Indented));
}

const SnapshotInfo *SnapshotStore::find(const QString &name) const
{
    for (const SnapshotInfo &s : m_snapshots) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

QStringList SnapshotStore::children(const QString &parent) const
{
    QStringList out;
    for (const SnapshotInfo &s : m_snapshots) {
        if (s.parent == parent)
            out.append(s.name);
    }
    return out;
}

void SnapshotStore::add(SnapshotInfo info)
{
    remove(info.name);
    if (info.parent.isEmpty())
        info.parent = m_current;
    m_current = info.name;
    m_snapshots.append(std::move(info));
}

void SnapshotStore::remove(const QString &name)
{
    const auto it = std::find_if(m_snapshots.begin(), m_snapshots.end(),
                                 [&](const SnapshotInfo &s) { return s.name == name; });
    if (it == m_snapshots.end())
        return;
    const QString parent = it->parent;
    const QString thumbnail = it->thumbnail;
    m_snapshots.erase(it);
    for (SnapshotInfo &s : m_snapshots) {
        if (s.parent == name)
            s.parent = parent;
    }
    if (m_current == name)
        m_current = parent;
    if (VmLayout::ofFolder(m_vmFolder).isThumbnailPath(thumbnail))
        QFile::remove(thumbnail);
}

bool SnapshotStore::reconcile(const QList<ImageSnapshot> &onImage)
{
    bool changed = false;
    QStringList gone;
    for (const SnapshotInfo &s : std::as_const(m_snapshots)) {
        if (std::none_of(onImage.begin(), onImage.end(),
                         [&](const ImageSnapshot &i) { return i.name == s.name; }))
            gone.append(s.name);
    }
    for (const QString &name : std::as_const(gone)) {
        remove(name);
        changed = true;
    }
    for (const ImageSnapshot &i : onImage) {
        const auto it = std::find_if(m_snapshots.begin(), m_snapshots.end(),
                                     [&](const SnapshotInfo &s) { return s.name == i.name; });
        if (it == m_snapshots.end()) {
            // Made outside Berth: a root, since nobody recorded what it descends from. Only
            // one on every disk: a partial one made outside cannot be reverted to as a whole.
            if (i.coversEveryDisk) {
                m_snapshots.append({i.name, {}, i.created, i.vmStateSize > 0, {}, {}});
                changed = true;
            }
            continue;
        }
        it->coversEveryDisk = i.coversEveryDisk;
        if (it->hasMemoryState != (i.vmStateSize > 0)) {
            it->hasMemoryState = i.vmStateSize > 0;
            changed = true;
        }
    }
    if (!m_current.isEmpty() && !find(m_current)) {
        m_current.clear();
        changed = true;
    }
    return changed;
}
