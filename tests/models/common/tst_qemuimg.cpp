// SPDX-License-Identifier: GPL-2.0-or-later
// QemuImg, the one qemu-img runner, against the real qemu-img: create, info, convert with its
// progress, cancel, a qemu-img that is not installed, a lock held by a QEMU and an error
// worded for the user. What qemu-img made is read back with qemu-img run by the test.
#include "models/common/qemuimg.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kTimeoutMs = 120'000;

int tool(const QString &program, const QStringList &arguments, QByteArray *out = nullptr)
{
    QProcess p;
    p.start(program, arguments);
    if (!p.waitForFinished(kTimeoutMs) || p.exitStatus() != QProcess::NormalExit)
        return -1;
    if (out)
        *out = p.readAllStandardOutput();
    return p.exitCode();
}

QJsonObject infoOf(const QString &image)
{
    QByteArray out;
    tool(u"qemu-img"_s, {u"info"_s, u"--output=json"_s, u"-U"_s, image}, &out);
    return QJsonDocument::fromJson(out).object();
}

/// Runs @p arguments on @p qemuImg and waits for its callback.
std::optional<QemuImgResult> runAndWait(QemuImg &qemuImg, const QStringList &arguments,
                                        const QString &image, bool *calledInside = nullptr)
{
    std::optional<QemuImgResult> result;
    bool returned = false;
    qemuImg.run(arguments, image, [&](const QemuImgResult &r) {
        if (calledInside && !returned)
            *calledInside = true;
        result = r;
    });
    returned = true;
    if (!QTest::qWaitFor([&] { return result.has_value(); }, kTimeoutMs))
        return std::nullopt;
    return result;
}

} // namespace

class TestQemuImg final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(u"qemu-img"_s).isEmpty(), "qemu-img is missing");
        QVERIFY2(!QStandardPaths::findExecutable(u"qemu-io"_s).isEmpty(), "qemu-io is missing");
        QVERIFY2(!QStandardPaths::findExecutable(u"qemu-system-x86_64"_s).isEmpty(),
                 "qemu-system-x86_64 is missing");
        QVERIFY(m_dir.isValid());
    }

    void createsAndReadsInfo()
    {
        QemuImg qemuImg;
        const QString image = path(u"new.qcow2"_s);
        bool calledInside = false;
        const auto made =
            runAndWait(qemuImg, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, image, u"16M"_s}, image,
                       &calledInside);
        QVERIFY(made);
        QVERIFY2(made->ok(), qPrintable(made->failure().toLogString()));
        QVERIFY(made->outcome().ok());
        QVERIFY(!calledInside); // never from inside run()
        QVERIFY(!qemuImg.isRunning());
        QCOMPARE(infoOf(image).value("format"_L1).toString(), u"qcow2"_s);
        QCOMPARE(infoOf(image).value("virtual-size"_L1).toInteger(), 16LL * 1024 * 1024);

        const auto info = runAndWait(qemuImg, {u"info"_s, u"--output=json"_s, image}, image);
        QVERIFY(info && info->ok());
        const QJsonObject json = QJsonDocument::fromJson(info->output).object();
        QCOMPARE(json.value("format"_L1).toString(), u"qcow2"_s);
        QCOMPARE(info->exitCode, 0);
        QCOMPARE(info->status, QemuImgResult::Status::Succeeded);
    }

    void convertReportsProgress()
    {
        const QString source = path(u"data.raw"_s);
        QCOMPARE(tool(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"raw"_s, source, u"64M"_s}),
                 0);
        QCOMPARE(tool(u"qemu-io"_s, {u"-f"_s, u"raw"_s, u"-c"_s, u"write -P 0x5a 0 48M"_s, source}),
                 0);
        const QString target = path(u"data.qcow2"_s);
        QemuImg qemuImg;
        QList<double> seen;
        connect(&qemuImg, &QemuImg::progress, this, [&](double p) { seen << p; });
        const auto converted = runAndWait(
            qemuImg,
            {u"convert"_s, u"-p"_s, u"-f"_s, u"raw"_s, u"-O"_s, u"qcow2"_s, source, target},
            target);
        QVERIFY(converted);
        QVERIFY2(converted->ok(), qPrintable(converted->failure().toLogString()));
        QVERIFY(!seen.isEmpty());
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        QVERIFY(seen.last() <= 100);
        QCOMPARE(tool(u"qemu-img"_s, {u"compare"_s, u"-q"_s, source, target}), 0);

        // Without -p there is nothing to report.
        seen.clear();
        QVERIFY(QFile::remove(target));
        QVERIFY(runAndWait(qemuImg,
                           {u"convert"_s, u"-f"_s, u"raw"_s, u"-O"_s, u"qcow2"_s, source, target},
                           target)
                    ->ok());
        QVERIFY(seen.isEmpty());
    }

    void cancelKillsQemuImg()
    {
        const QString source = path(u"big.raw"_s);
        QCOMPARE(tool(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"raw"_s, source, u"1G"_s}),
                 0);
        for (const char *at : {"0", "320M", "640M"})
            QCOMPARE(
                tool(u"qemu-io"_s, {u"-f"_s, u"raw"_s, u"-c"_s,
                                    u"write -P 0x5a %1 128M"_s.arg(QLatin1StringView(at)), source}),
                0);
        const QString target = path(u"big.qcow2"_s);
        QemuImg qemuImg;
        std::optional<QemuImgResult> result;
        double cancelledAt = -1;
        connect(&qemuImg, &QemuImg::progress, this, [&](double p) {
            if (cancelledAt < 0 && p > 0) {
                cancelledAt = p;
                qemuImg.cancel();
            }
        });
        qemuImg.run({u"convert"_s, u"-p"_s, u"-f"_s, u"raw"_s, u"-O"_s, u"qcow2"_s, source, target},
                    target, [&](const QemuImgResult &r) { result = r; });
        QVERIFY(qemuImg.isRunning());
        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, kTimeoutMs));
        QCOMPARE(result->status, QemuImgResult::Status::Cancelled);
        QCOMPARE(result->failure().message(), u"Cancelled."_s);
        QVERIFY2(cancelledAt > 0 && cancelledAt < 100, qPrintable(QString::number(cancelledAt)));
        QVERIFY(!qemuImg.isRunning());
        QFile::remove(target);

        // A run whose owner goes is killed, and its callback never comes.
        bool called = false;
        auto *context = new QObject;
        QPointer<QemuImg> once =
            QemuImg::runOnce({u"convert"_s, u"-f"_s, u"raw"_s, u"-O"_s, u"qcow2"_s, source, target},
                             target, context, [&](const QemuImgResult &) { called = true; });
        QVERIFY(QTest::qWaitFor([&] { return QFile::exists(target); }, kTimeoutMs));
        delete context;
        QVERIFY(once.isNull());
        QTest::qWait(200);
        QVERIFY(!called);
        QFile::remove(target);
        QFile::remove(source);
    }

    void failuresAreExplained()
    {
        QemuImg qemuImg;
        const QString missing = path(u"missing.qcow2"_s);
        const auto failed = runAndWait(qemuImg, {u"info"_s, missing}, missing);
        QVERIFY(failed);
        QCOMPARE(failed->status, QemuImgResult::Status::Failed);
        QVERIFY(failed->exitCode != 0);
        const Failure f = failed->failure();
        QVERIFY2(!f.message().startsWith("qemu-img"_L1) && f.message().contains(missing) &&
                     f.message().endsWith(u'.'),
                 qPrintable(f.message()));
        // The log keeps what was run and qemu-img's own words.
        QVERIFY2(f.detail().contains(u"qemu-img info "_s + missing) &&
                     f.detail().contains("qemu-img: "_L1),
                 qPrintable(f.detail()));
        QVERIFY(!failed->outcome());

        // Another program holds the image: said in words, naming the image.
        const QString held = path(u"held.raw"_s);
        QCOMPARE(tool(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"raw"_s, held, u"1M"_s}), 0);
        QProcess holder; // a QEMU with the image on a disk device, its CPU never started
        holder.start(u"qemu-system-x86_64"_s,
                     {u"-nodefaults"_s, u"-display"_s, u"none"_s, u"-machine"_s, u"pc"_s,
                      u"-accel"_s, u"tcg"_s, u"-S"_s, u"-blockdev"_s,
                      u"driver=raw,node-name=d,file.driver=file,file.filename="_s + held,
                      u"-device"_s, u"virtio-blk-pci,drive=d"_s});
        QVERIFY(holder.waitForStarted());
        std::optional<QemuImgResult> locked;
        QVERIFY(QTest::qWaitFor(
            [&] {
                locked = runAndWait(qemuImg, {u"resize"_s, u"-f"_s, u"raw"_s, held, u"2M"_s}, held);
                return locked && !locked->ok();
            },
            30'000));
        holder.kill();
        holder.waitForFinished();
        QVERIFY2(locked->failure().message().contains("in use by another program"_L1) &&
                     locked->failure().message().contains(held),
                 qPrintable(locked->failure().message()));
    }

    void missingQemuImgIsExplained()
    {
        QTemporaryDir empty;
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", QFile::encodeName(empty.path()));
        QemuImg qemuImg;
        bool calledInside = false;
        const auto result = runAndWait(qemuImg, {u"--version"_s}, {}, &calledInside);
        qputenv("PATH", path);
        QVERIFY(result);
        QVERIFY(!calledInside);
        QCOMPARE(result->status, QemuImgResult::Status::NotFound);
        QVERIFY2(result->failure().message().contains("qemu-utils"_L1),
                 qPrintable(result->failure().message()));
    }
};

QTEST_GUILESS_MAIN(TestQemuImg)
#include "tst_qemuimg.moc"
