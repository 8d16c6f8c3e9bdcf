// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/vmdefinition.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestVmDefinition final : public QObject
{
    Q_OBJECT

private:
    static VmDefinition full()
    {
        VmDefinition d;
        d.name = u"Debian 12 (test) – ünïcode"_s;
        d.uuid = QUuid::createUuid();
        d.cpus = 4;
        d.memoryMiB = 4096;
        d.machine = u"pc-q35-7.2"_s;
        d.accelerator = Accelerator::Tcg;
        d.firmware = Firmware::Uefi;
        d.disks = {{u"/vms/a.qcow2"_s, u"qcow2"_s, u"virtio"_s},
                   {u"/vms/b.img"_s, u"raw"_s, u"sata"_s}};
        d.cdrom = u"/isos/debian.iso"_s;
        d.kernel = u"/boot/vmlinuz"_s;
        d.initrd = u"/boot/initrd.img"_s;
        d.kernelArgs = u"console=ttyS0 quiet"_s;
        d.nics = {VmNic{}};
        d.portForwards = {{u"tcp"_s, 2222, 22}, {u"udp"_s, 5353, 53}};
        d.notes = u"line one\nline two"_s;
        d.resources.ioReadBps = 4 << 20;
        d.resources.ioIops = 200;
        d.resources.memoryTargetMiB = 2048;
        d.resources.cpuWeight = 300;
        d.resources.cpuLimitPercent = 150;
        d.resources.cpuAffinity = u"0-1"_s;
        d.resources.emulatorAffinity = u"0"_s;
        return d;
    }

private Q_SLOTS:
    void roundTripsEveryField()
    {
        const VmDefinition d = full();
        QCOMPARE(d.validate(), QString());
        VmDefinition back;
        QString error;
        QVERIFY2(VmDefinition::fromJson(d.toJson(), back, error), qPrintable(error));
        QCOMPARE(back, d);
        QCOMPARE(d.toJson().value("version"_L1).toInt(), VmDefinition::SchemaVersion);
    }

    void minimalJsonGetsDefaults()
    {
        const QJsonObject json{
            {u"version"_s, 1}, {u"name"_s, u"tiny"_s}, {u"uuid"_s, QUuid::createUuid().toString()}};
        VmDefinition d;
        QString error;
        QVERIFY2(VmDefinition::fromJson(json, d, error), qPrintable(error));
        QCOMPARE(d.cpus, 1);
        QCOMPARE(d.memoryMiB, 1024);
        QCOMPARE(d.accelerator, Accelerator::Auto);
        QCOMPARE(d.nics.size(), 1);
    }

    void refusesBadInput_data()
    {
        QTest::addColumn<QJsonObject>("patch");
        QTest::addColumn<QString>("mentions");
        const auto row = [](const char *name, QJsonObject patch, const char *mentions) {
            QTest::newRow(name) << patch << QString::fromUtf8(mentions);
        };
        row("newer version", {{u"version"_s, 99}}, "newer version of Berth");
        row("no version", {{u"version"_s, QJsonValue()}}, "version");
        row("cpus text", {{u"cpus"_s, u"four"_s}}, "cpus");
        row("cpus fraction", {{u"cpus"_s, 1.5}}, "cpus");
        row("memory zero", {{u"memory_mib"_s, 0}}, "memory_mib");
        row("bad accel", {{u"accelerator"_s, u"hvf"_s}}, "accelerator");
        row("bad firmware", {{u"firmware"_s, u"coreboot"_s}}, "firmware");
        row("name slash", {{u"name"_s, u"a/b"_s}}, "/");
        row("name control", {{u"name"_s, u"a\u0007b"_s}}, "control");
        row("no uuid", {{u"uuid"_s, u"nope"_s}}, "uuid");
        row("relative disk", {{u"disks"_s, QJsonArray{QJsonObject{{u"path"_s, u"disk.qcow2"_s}}}}},
            "absolute");
        row("disk format",
            {{u"disks"_s, QJsonArray{QJsonObject{{u"path"_s, u"/d"_s}, {u"format"_s, u"iso"_s}}}}},
            "iso");
        row("disks not list", {{u"disks"_s, u"/d"_s}}, "disks");
        row("initrd without kernel", {{u"kernel"_s, QJsonObject{{u"initrd"_s, u"/i"_s}}}},
            "needs a kernel");
        row("port zero",
            {{u"network"_s,
              QJsonObject{{u"port_forwards"_s,
                           QJsonArray{QJsonObject{{u"host_port"_s, 0}, {u"guest_port"_s, 22}}}}}}},
            "host_port");
        row("io text", {{u"resources"_s, QJsonObject{{u"io_read_bps"_s, u"fast"_s}}}},
            "io_read_bps");
        row("io negative", {{u"resources"_s, QJsonObject{{u"io_iops"_s, -1}}}}, "io_iops");
        row("target above memory", {{u"resources"_s, QJsonObject{{u"memory_target_mib"_s, 8192}}}},
            "memory target");
        row("weight too high", {{u"resources"_s, QJsonObject{{u"cpu_weight"_s, 20000}}}},
            "cpu_weight");
        row("resources not object", {{u"resources"_s, 5}}, "resources");
    }

    void refusesBadInput()
    {
        QFETCH(QJsonObject, patch);
        QFETCH(QString, mentions);
        QJsonObject json = full().toJson();
        for (auto it = patch.begin(); it != patch.end(); ++it) {
            if (it.value().isNull())
                json.remove(it.key());
            else
                json.insert(it.key(), it.value());
        }
        VmDefinition d;
        QString error;
        QVERIFY(!VmDefinition::fromJson(json, d, error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
    }

    void validatesNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("ok");
        QTest::newRow("plain") << u"web-server 2"_s << true;
        QTest::newRow("unicode") << u"开发机"_s << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("dotdot") << u".."_s << false;
        QTest::newRow("hidden") << u".hidden"_s << false; // its folder would never be listed
        QTest::newRow("staging-like") << u".new-vm-abc"_s << false;
        QTest::newRow("inner dot") << u"web.example"_s << true;
        QTest::newRow("backslash") << u"a\\b"_s << false;
        QTest::newRow("newline") << u"a\nb"_s << false;
        QTest::newRow("leading space") << u" a"_s << false;
        QTest::newRow("too long") << QString(65, u'x') << false;
    }

    void validatesNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, ok);
        QCOMPARE(VmDefinition::validateName(name).isEmpty(), ok);
    }
};

QTEST_GUILESS_MAIN(TestVmDefinition)
#include "tst_vmdefinition.moc"
