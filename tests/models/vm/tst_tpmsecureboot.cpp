// SPDX-License-Identifier: GPL-2.0-or-later
// TPM and Secure Boot without booting anything: what vm.json keeps, what `berth set`'s table
// changes, QEMU's arguments and the refusals before a start (swtpm missing, Secure Boot
// without UEFI or q35). tst_tpm boots them.
#include "models/vm/qemucommandline.h"
#include "models/vm/swtpm.h"
#include "models/vm/uefifirmware.h"
#include "models/vm/vmfields.h"
#include "models/vm/vmlayout.h"

#include "tests/support/envguard.h"
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

QStringList values(const QStringList &args, const QString &option)
{
    QStringList out;
    for (qsizetype i = 0; i + 1 < args.size(); ++i) {
        if (args[i] == option)
            out.append(args[i + 1]);
    }
    return out;
}

} // namespace

class TestTpmSecureBoot final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    const QString m_runtime = u"/run/user/1000/berth/0b3c2a6e-6a8e-4f4e-9a55-1f1d6d0c5f10"_s;

    VmDefinition base() const
    {
        VmDefinition d;
        d.name = u"win"_s;
        d.uuid = QUuid::fromString(u"0b3c2a6e-6a8e-4f4e-9a55-1f1d6d0c5f10"_s);
        d.machine = u"q35"_s;
        d.accelerator = Accelerator::Tcg;
        return d;
    }

    /// A UEFI VM whose variables file exists (so check() gets past it).
    VmDefinition uefi()
    {
        VmDefinition d = base();
        d.firmware = Firmware::Uefi;
        QFile vars(VmLayout::ofFolder(m_dir.path()).uefiVarsPath());
        if (!vars.open(QIODevice::WriteOnly))
            qFatal("cannot create the variables file");
        return d;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void definitionKeepsThem()
    {
        VmDefinition d = base();
        // Off: vm.json as before (older Berth reads it unchanged).
        QVERIFY(!d.toJson().contains(u"tpm"_s));
        QVERIFY(!d.toJson().contains(u"secure_boot"_s));
        d.firmware = Firmware::Uefi;
        d.tpm = true;
        d.secureBoot = true;
        const QJsonObject json = d.toJson();
        QCOMPARE(json.value(u"tpm"_s).toBool(), true);
        QCOMPARE(json.value(u"secure_boot"_s).toBool(), true);
        VmDefinition back;
        QString error;
        QVERIFY2(VmDefinition::fromJson(json, back, error), qPrintable(error));
        QCOMPARE(back, d);

        QJsonObject wrong = json;
        wrong.insert(u"tpm"_s, u"yes"_s);
        QVERIFY(!VmDefinition::fromJson(wrong, back, error));
        QVERIFY2(error.contains(u"tpm"_s), qPrintable(error));
    }

    void secureBootNeedsUefi()
    {
        VmDefinition d = base();
        d.secureBoot = true;
        QVERIFY2(d.validate().contains(u"UEFI"_s), qPrintable(d.validate()));
        QJsonObject json = d.toJson();
        VmDefinition back;
        QString error;
        QVERIFY(!VmDefinition::fromJson(json, back, error));
        QVERIFY2(error.contains(u"Secure Boot"_s), qPrintable(error));
    }

    void setTurnsThemOnAndOff()
    {
        const VmField *tpm = VmFields::find(u"tpm"_s);
        const VmField *sb = VmFields::find(u"secure-boot"_s);
        QVERIFY(tpm && sb);
        QCOMPARE(tpm->clearOption, u"no-tpm"_s);
        QCOMPARE(sb->clearOption, u"no-secure-boot"_s);
        QVERIFY(tpm->valueName.isEmpty()); // --tpm takes no value

        VmDefinition d = base();
        QCOMPARE(tpm->parse(d, u""_s), QString());
        QVERIFY(d.tpm);
        QCOMPARE(VmFields::differing(base(), d), QStringList{u"tpm"_s});
        QCOMPARE(tpm->parse(d, QString()), QString());
        QVERIFY(!d.tpm);

        // The merge keeps a TPM turned on elsewhere meanwhile.
        VmDefinition other = base();
        other.tpm = true;
        VmDefinition mine = base();
        mine.cpus = 2;
        const VmFields::Merge m = VmFields::merge(base(), mine, other);
        QVERIFY(m.conflicts.isEmpty());
        QVERIFY(m.result.tpm);
        QCOMPARE(m.result.cpus, 2);
    }

    void tpmOnTheCommandLine()
    {
        VmDefinition d = base();
        QStringList args =
            QemuCommandLine(d, m_dir.path(), m_runtime, Accelerator::Tcg).arguments();
        QVERIFY(!args.contains(u"-tpmdev"_s));

        d.tpm = true;
        args = QemuCommandLine(d, m_dir.path(), m_runtime, Accelerator::Tcg).arguments();
        QVERIFY(values(args, u"-chardev"_s)
                    .contains(u"socket,id=chrtpm,path=%1/swtpm.sock"_s.arg(m_runtime)));
        QCOMPARE(values(args, u"-tpmdev"_s), QStringList{u"emulator,id=tpm0,chardev=chrtpm"_s});
        QVERIFY(values(args, u"-device"_s).contains(u"tpm-tis,tpmdev=tpm0,id=tpm0-dev"_s));
    }

    void missingSwtpmIsRefusedBeforeStart()
    {
        const EnvGuard guard("BERTH_SWTPM");
        qputenv("BERTH_SWTPM", "/nonexistent/swtpm");
        VmDefinition d = base();
        d.tpm = true;
        const QString why = QemuCommandLine(d, m_dir.path(), m_runtime, Accelerator::Tcg).check();
        QVERIFY2(why.contains(u"swtpm package"_s), qPrintable(why));
        d.tpm = false;
        QVERIFY(!QemuCommandLine(d, m_dir.path(), m_runtime, Accelerator::Tcg)
                     .check()
                     .contains(u"swtpm"_s));

        qputenv("BERTH_SWTPM", "berth-test-no-such-swtpm");
        QVERIFY(!Swtpm::findBinary());
        qunsetenv("BERTH_SWTPM");
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", "/nonexistent");
        const Outcome<QString> none = Swtpm::findBinary();
        qputenv("PATH", path);
        QVERIFY(!none);
        QVERIFY2(none.failure().message().contains(u"apt install swtpm"_s),
                 qPrintable(none.failure().message()));
    }

    void secureBootOnTheCommandLine()
    {
        if (!UefiFirmware::find(true))
            QSKIP("the ovmf package is not installed");
        VmDefinition d = uefi();
        QStringList args =
            QemuCommandLine(d, m_dir.path(), m_runtime, Accelerator::Tcg).arguments();
        QVERIFY(!args.contains(u"-global"_s));
        const QString plainCode = UefiFirmware::find(false)->code;

        d.secureBoot = true;
        const QemuCommandLine cl(d, m_dir.path(), m_runtime, Accelerator::Tcg);
        QCOMPARE(cl.check(), QString());
        args = cl.arguments();
        QCOMPARE(values(args, u"-machine"_s).size(), 1);
        QVERIFY2(values(args, u"-machine"_s).first().contains(u",smm=on"_s),
                 qPrintable(values(args, u"-machine"_s).first()));
        QCOMPARE(values(args, u"-global"_s),
                 QStringList{u"driver=cfi.pflash01,property=secure,value=on"_s});
        const QString code = UefiFirmware::find(true)->code;
        QVERIFY(code != plainCode);
        QVERIFY(code.contains(u".ms."_s) || code.contains(u"secboot"_s));
        QVERIFY(values(args, u"-blockdev"_s).first().contains(code));
        QVERIFY(UefiFirmware::find(true)->varsTemplate.contains(u"VARS"_s));

        d.machine = u"pc"_s;
        const QString why = QemuCommandLine(d, m_dir.path(), m_runtime, Accelerator::Tcg).check();
        QVERIFY2(why.contains(u"q35"_s), qPrintable(why));
    }

    void missingSecureBootFirmwareNamesThePackage()
    {
        const EnvGuard guard("BERTH_OVMF_DIR");
        QTemporaryDir plainOnly;
        for (const char *name : {"OVMF_CODE_4M.fd", "OVMF_VARS_4M.fd"}) {
            QFile f(plainOnly.filePath(QString::fromLatin1(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        qputenv("BERTH_OVMF_DIR", QFile::encodeName(plainOnly.path()));
        QVERIFY(UefiFirmware::find(false));
        const Outcome<UefiFirmware::Files> sb = UefiFirmware::find(true);
        QVERIFY(!sb);
        QVERIFY2(sb.failure().message().contains(u"ovmf package"_s) &&
                     sb.failure().message().contains(u"Secure Boot"_s),
                 qPrintable(sb.failure().message()));
    }
};

QTEST_GUILESS_MAIN(TestTpmSecureBoot)
#include "tst_tpmsecureboot.moc"
