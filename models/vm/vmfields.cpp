// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/vmfields.h"

#include "models/vm/vmlimits.h"
#include "models/vm/vmresources.h"

#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace {

/// A row for the member @p member: compared with ==, copied as a whole.
template<typename T>
VmField row(const char *key, T VmDefinition::*member)
{
    VmField f;
    f.key = QString::fromLatin1(key);
    f.same = [member](const VmDefinition &a, const VmDefinition &b) {
        return a.*member == b.*member;
    };
    f.take = [member](VmDefinition &to, const VmDefinition &from) {
        to.*member = from.*member;
    };
    return f;
}

/// ... with a `berth set` option of that name taking @p valueName.
template<typename T>
VmField option(const char *key, T VmDefinition::*member, const char *valueName, const char *help,
               std::function<QString(VmDefinition &, const QString &)> parse)
{
    VmField f = row(key, member);
    f.valueName = QString::fromLatin1(valueName);
    f.help = help;
    f.parse = std::move(parse);
    return f;
}

std::function<QString(VmDefinition &, const QString &)> wholeNumber(int VmDefinition::*member,
                                                                    const QString &option)
{
    return [member, option](VmDefinition &d, const QString &text) -> QString {
        bool ok = false;
        const int value = text.trimmed().toInt(&ok);
        if (!ok)
            return VmFields::tr("--%1 takes a whole number, not \"%2\"").arg(option, text);
        d.*member = value;
        return {};
    };
}

std::function<QString(VmDefinition &, const QString &)> text(QString VmDefinition::*member)
{
    return [member](VmDefinition &d, const QString &value) -> QString {
        d.*member = value;
        return {};
    };
}

/// An existing file, stored absolute; a null text (the clear option) empties the field.
std::function<QString(VmDefinition &, const QString &)> file(QString VmDefinition::*member)
{
    return [member](VmDefinition &d, const QString &path) -> QString {
        if (path.isNull()) {
            d.*member = QString();
            return {};
        }
        const QFileInfo info(path);
        if (!info.isFile())
            return VmFields::tr("%1 does not exist or is not a file").arg(path);
        d.*member = info.absoluteFilePath();
        return {};
    };
}

std::function<QString(VmDefinition &, const QString &)>
oneOf(QString VmDefinition::*member, const QString &option, const QStringList &choices)
{
    return [=](VmDefinition &d, const QString &value) -> QString {
        if (!choices.contains(value))
            return VmFields::tr("--%1 takes %2, not \"%3\"")
                .arg(option, choices.join(u", "_s), value);
        d.*member = value;
        return {};
    };
}

/// An option without value that turns @p member on, and its clear option (--no-KEY) off.
VmField onOff(const char *key, bool VmDefinition::*member, const char *help)
{
    VmField f = row(key, member);
    f.help = help;
    f.clearOption = u"no-"_s + f.key;
    f.parse = [member](VmDefinition &d, const QString &value) -> QString {
        d.*member = !value.isNull();
        return {};
    };
    return f;
}

QList<VmField> makeTable()
{
    QList<VmField> t;
    t << option("name", &VmDefinition::name, "NAME", QT_TRANSLATE_NOOP("VmFields", "Rename it."),
                text(&VmDefinition::name));
    t << option("cpus", &VmDefinition::cpus, "N",
                QT_TRANSLATE_NOOP("VmFields", "Number of virtual CPUs."),
                wholeNumber(&VmDefinition::cpus, u"cpus"_s));
    t << option("memory", &VmDefinition::memoryMiB, "MIB",
                QT_TRANSLATE_NOOP("VmFields", "Memory in MiB."),
                wholeNumber(&VmDefinition::memoryMiB, u"memory"_s));
    t << option("machine", &VmDefinition::machine, "TYPE",
                QT_TRANSLATE_NOOP("VmFields",
                                  "Machine type, one that qemu-system-x86_64 -machine help lists."),
                text(&VmDefinition::machine));
    t << option(
        "accel", &VmDefinition::accelerator, "ACCEL",
        QT_TRANSLATE_NOOP("VmFields", "Accelerator: auto, kvm or tcg."),
        [](VmDefinition &d, const QString &value) -> QString {
            if (!VmDefinition::acceleratorFromName(value, d.accelerator))
                return VmFields::tr("--accel takes auto, kvm or tcg, not \"%1\"").arg(value);
            return {};
        });
    t << option("firmware", &VmDefinition::firmware, "FIRMWARE",
                QT_TRANSLATE_NOOP("VmFields", "Firmware: bios or uefi."),
                [](VmDefinition &d, const QString &value) -> QString {
                    for (Firmware f : {Firmware::Bios, Firmware::Uefi}) {
                        if (VmDefinition::firmwareName(f) == value) {
                            d.firmware = f;
                            return {};
                        }
                    }
                    return VmFields::tr("--firmware takes bios or uefi, not \"%1\"").arg(value);
                });
    t << onOff("tpm", &VmDefinition::tpm,
               QT_TRANSLATE_NOOP("VmFields", "A TPM 2.0 (swtpm), as Windows 11 needs."));
    t << onOff("secure-boot", &VmDefinition::secureBoot,
               QT_TRANSLATE_NOOP("VmFields",
                                 "UEFI Secure Boot with Microsoft's keys (UEFI firmware only)."));
    t << row("disks", &VmDefinition::disks);
    VmField cdrom =
        option("cdrom", &VmDefinition::cdrom, "ISO",
               QT_TRANSLATE_NOOP("VmFields", "Insert this ISO image."), file(&VmDefinition::cdrom));
    cdrom.clearOption = u"no-cdrom"_s;
    t << cdrom;
    VmField kernel = option("kernel", &VmDefinition::kernel, "FILE",
                            QT_TRANSLATE_NOOP("VmFields", "Boot this kernel directly."),
                            file(&VmDefinition::kernel));
    kernel.clearOption = u"no-kernel"_s;
    t << kernel;
    VmField initrd = option("initrd", &VmDefinition::initrd, "FILE",
                            QT_TRANSLATE_NOOP("VmFields", "Initrd for the kernel."),
                            file(&VmDefinition::initrd));
    initrd.clearOption = u"no-initrd"_s;
    t << initrd;
    t << option("append", &VmDefinition::kernelArgs, "TEXT",
                QT_TRANSLATE_NOOP("VmFields", "Kernel command line."),
                text(&VmDefinition::kernelArgs));
    VmField network = option(
        "network", &VmDefinition::nics, "NETWORK",
        QT_TRANSLATE_NOOP("VmFields", "Network cards, one per option: nat, private:NAME or "
                                      "bridge:NAME, each optionally with ,mac=MAC; none for no "
                                      "network. Replaces the VM's cards; a card keeps its MAC."),
        [](VmDefinition &d, const QString &values) -> QString {
            QList<VmNic> nics;
            for (const QString &value : values.split(u'\n')) {
                // on and off: what --network took before a VM had several cards.
                if (value == "none"_L1 || value == "off"_L1)
                    continue;
                VmNic nic;
                const QString spec = value == "on"_L1 ? u"nat"_s : value;
                if (const QString why = VmNetwork::parseNic(spec, nic); !why.isEmpty())
                    return why;
                // The card in this place keeps its address: the guest's DHCP lease
                // and its configuration follow the MAC.
                // (A VM being made has no uuid yet: VmLibrary::create() gives them.)
                if (nic.mac.isEmpty() && !d.uuid.isNull())
                    nic.mac = d.macOf(nics.size());
                nics << nic;
            }
            d.nics = nics;
            return {};
        });
    network.alias = u"nic"_s;
    network.repeatable = true;
    t << network;
    t << option("nic-model", &VmDefinition::nicModel, "MODEL",
                QT_TRANSLATE_NOOP("VmFields", "Network card: virtio, e1000e, e1000 or rtl8139."),
                oneOf(&VmDefinition::nicModel, u"nic-model"_s, VmLimits::nicModels()));
    t << row("port-forwards", &VmDefinition::portForwards);
    t << row("linked-clones", &VmDefinition::linkedClones);
    t << option("notes", &VmDefinition::notes, "TEXT", QT_TRANSLATE_NOOP("VmFields", "Notes."),
                text(&VmDefinition::notes));
    t << VmResources::fields();
    return t;
}

} // namespace

const QList<VmField> &VmFields::all()
{
    static const QList<VmField> table = makeTable();
    return table;
}

const VmField *VmFields::find(const QString &key)
{
    for (const VmField &f : all()) {
        if (f.key == key)
            return &f;
    }
    return nullptr;
}

QStringList VmFields::differing(const VmDefinition &a, const VmDefinition &b)
{
    QStringList keys;
    for (const VmField &f : all()) {
        if (!f.same(a, b))
            keys << f.key;
    }
    return keys;
}

VmFields::Merge VmFields::merge(const VmDefinition &base, const VmDefinition &changed,
                                const VmDefinition &current)
{
    Merge m{current, {}};
    for (const VmField &f : all()) {
        if (f.same(base, changed) || f.same(changed, current))
            continue; // not changed here, or changed the same way there
        if (!f.same(base, current)) {
            m.conflicts << f.key;
            continue;
        }
        f.take(m.result, changed);
    }
    return m;
}
