// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/privatenetworks.h"

#include "models/common/filelock.h"
#include "models/vm/vmlibrary.h"
#include "models/vm/vmnetwork.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

using namespace Qt::Literals::StringLiterals;

namespace {

/// Multicast group 239.255.G1.G2 and a UDP port: 65536 groups times 40000 ports.
constexpr quint16 kFirstPort = 20000;
constexpr quint16 kPorts = 40000;

Outcome<QList<PrivateNetwork>> parse(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return QList<PrivateNetwork>();
    if (!file.open(QIODevice::ReadOnly))
        return Failure(PrivateNetworks::tr("Cannot read the private networks file %1.").arg(path),
                       file.errorString());
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    const QJsonArray array = doc.object().value("networks"_L1).toArray();
    QList<PrivateNetwork> networks;
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        PrivateNetwork n{o.value("name"_L1).toString(), o.value("group"_L1).toString(),
                         quint16(o.value("port"_L1).toInt())};
        if (!VmNetwork::isValidNetworkName(n.name) || !n.group.startsWith("239.255."_L1) ||
            n.port < kFirstPort) {
            networks.clear();
            break;
        }
        networks << n;
    }
    if (error.error != QJsonParseError::NoError || (networks.isEmpty() && !array.isEmpty()))
        return Failure(PrivateNetworks::tr("The private networks file %1 is damaged; Berth "
                                           "leaves it as it is (move it away to start afresh).")
                           .arg(path),
                       error.errorString());
    return networks;
}

Outcome<> write(const QString &path, const QList<PrivateNetwork> &networks)
{
    QJsonArray array;
    for (const PrivateNetwork &n : networks)
        array.append(
            QJsonObject{{u"name"_s, n.name}, {u"group"_s, n.group}, {u"port"_s, int(n.port)}});
    return VmLibrary::writeFileAtomically(
        path, QJsonDocument(QJsonObject{{u"networks"_s, array}}).toJson(QJsonDocument::Indented));
}

} // namespace

PrivateNetworks::PrivateNetworks(QString libraryRoot)
    : m_root(std::move(libraryRoot))
{}

QString PrivateNetworks::filePath(const QString &libraryRoot)
{
    return libraryRoot + u"/networks.json"_s;
}

Outcome<QList<PrivateNetwork>> PrivateNetworks::list() const
{
    return parse(filePath(m_root));
}

Outcome<PrivateNetwork> PrivateNetworks::find(const QString &name) const
{
    const Outcome<QList<PrivateNetwork>> all = list();
    if (!all)
        return all.failure();
    for (const PrivateNetwork &n : *all) {
        if (n.name == name)
            return n;
    }
    return Failure(tr("There is no private network \"%1\": create it first (berth network "
                      "create %1).")
                       .arg(name));
}

Outcome<PrivateNetwork> PrivateNetworks::create(const QString &name)
{
    if (!VmNetwork::isValidNetworkName(name))
        return Failure(tr("\"%1\" cannot name a network: use 1 to 32 letters, digits, '-', '_' "
                          "or '.'.")
                           .arg(name));
    if (!VmLibrary::makePrivateFolder(m_root))
        return Failure(tr("Cannot create the library folder %1.").arg(m_root));
    PrivateNetwork created{name, {}, 0};
    const Outcome<> changed = change([&](QList<PrivateNetwork> &all) -> QString {
        for (const PrivateNetwork &n : all) {
            if (n.name == name)
                return tr("A private network named \"%1\" already exists.").arg(name);
        }
        // A random group and port, so that two libraries on one computer rarely meet either.
        QRandomGenerator *random = QRandomGenerator::global();
        for (bool unique = false; !unique;) {
            const quint32 g = random->bounded(65536u);
            created.group = u"239.255.%1.%2"_s.arg(g >> 8).arg(g & 0xff);
            created.port = quint16(kFirstPort + random->bounded(quint32(kPorts)));
            unique = std::none_of(all.begin(), all.end(), [&](const PrivateNetwork &n) {
                return n.group == created.group || n.port == created.port;
            });
        }
        all.append(created);
        return {};
    });
    if (!changed)
        return changed.failure();
    return created;
}

Outcome<> PrivateNetworks::remove(const QString &name)
{
    return change([&](QList<PrivateNetwork> &all) -> QString {
        if (all.removeIf([&](const PrivateNetwork &n) { return n.name == name; }) == 0)
            return find(name).failure().message();
        return {};
    });
}

QStringList PrivateNetworks::users(const QString &name, const VmLibrary &library)
{
    QStringList users;
    for (const VmEntry &e : library.entries()) {
        if (std::any_of(e.definition.nics.cbegin(), e.definition.nics.cend(), [&](const VmNic &n) {
                return n.kind == VmNic::Kind::Private && n.network == name;
            }))
            users << e.name();
    }
    return users;
}

Outcome<> PrivateNetworks::removeUnused(const QString &name, const VmLibrary &library)
{
    if (const QStringList vms = users(name, library); !vms.isEmpty())
        return Failure(tr("%1 is still the network of %2: plug their network cards into "
                          "another network first (berth set VM --network ..., or the VM's "
                          "settings).")
                           .arg(name, vms.join(u", "_s)));
    return remove(name);
}

Outcome<> PrivateNetworks::change(const std::function<QString(QList<PrivateNetwork> &)> &edit)
{
    const FileLock lock(m_root + u"/.networks.lock"_s, FileLock::Mode::Wait);
    if (!lock.isHeld())
        return Failure(tr("Cannot lock the private networks file in %1.").arg(m_root),
                       lock.error());
    Outcome<QList<PrivateNetwork>> all = list();
    if (!all)
        return all.failure();
    QList<PrivateNetwork> edited = *all;
    if (const QString why = edit(edited); !why.isEmpty())
        return Failure(why);
    return write(filePath(m_root), edited);
}
