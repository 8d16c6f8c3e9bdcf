// SPDX-License-Identifier: GPL-2.0-or-later
// How well Berth shares the host, measured on the tiny test guest under TCG through the real
// `berth` binary, each figure against its ideal:
//   io_throttle       a 4 MiB/s read limit set live (berth set --io-read-bps): the rate the
//                     guest achieves reading 16 MiB, / the limit (ideal 1); the baseline is the
//                     same guest under QEMU's own -drive throttling.bps-read, started by hand
//   balloon_reaction  berth set --memory-target 160 on a 256 MiB guest: seconds until the
//                     guest's MemTotal has dropped by 90 MiB (it reports once a second)
//   cpu_fairness      two CPU-burning guests pinned to one host CPU, weights 100 and 300:
//                     measured CPU ratio / 3 (ideal 1)
// The memory balancer is not implemented yet: no figure.
// Last line:
//   RESULT io_throttle_accuracy <berth> ratio=<berth / qemu> baseline=qemu-drive-throttling
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace {

QProcessEnvironment g_env;
QString g_guest;

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run berth(const QStringList &args)
{
    QProcess p;
    p.setProcessEnvironment(g_env);
    p.start(QStringLiteral(BERTH_EXECUTABLE), args);
    p.waitForFinished(180'000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

bool must(const Run &r, const char *what)
{
    if (r.code == 0)
        return true;
    std::fprintf(stderr, "bench_resources: %s failed: %s\n", what, r.err.constData());
    return false;
}

QList<int> matches(const QByteArray &text, const QRegularExpression &re)
{
    QList<int> values;
    for (auto it = re.globalMatch(QString::fromUtf8(text)); it.hasNext();)
        values << it.next().captured(1).toInt();
    return values;
}

/// The next guest read (centiseconds) that starts after this call, from @p readLog.
int nextRead(const std::function<QByteArray()> &readLog)
{
    static const QRegularExpression re(u"BERTH-READ 16 (\\d+)"_s);
    const qsizetype seen = matches(readLog(), re).size();
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 180'000) {
        const QList<int> now = matches(readLog(), re);
        if (now.size() >= seen + 2)
            return now.at(seen + 1);
        QThread::msleep(200);
    }
    return -1;
}

QStringList guestVm(const QString &name, int memory, const QString &append)
{
    return {u"create"_s,   name,
            u"--memory"_s, QString::number(memory),
            u"--accel"_s,  u"tcg"_s,
            u"--kernel"_s, g_guest + u"/vmlinuz"_s,
            u"--initrd"_s, g_guest + u"/initrd.img"_s,
            u"--append"_s, u"console=ttyS0 quiet "_s + append};
}

qint64 cpuTicks(qint64 pid)
{
    QFile f(u"/proc/%1/stat"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return fields.value(11).toLongLong() + fields.value(12).toLongLong();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    g_guest = qEnvironmentVariable("BERTH_TEST_GUEST_DIR");
    if (g_guest.isEmpty() || !QFile::exists(g_guest + u"/vmlinuz"_s)) {
        std::fprintf(stderr, "bench_resources: set BERTH_TEST_GUEST_DIR to the built test guest\n");
        return 2;
    }
    QTemporaryDir dir;
    const QString runtime = dir.filePath(u"run"_s);
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    g_env = QProcessEnvironment::systemEnvironment();
    g_env.insert(u"BERTH_LIBRARY"_s, dir.filePath(u"library"_s));
    g_env.insert(u"XDG_RUNTIME_DIR"_s, runtime);
    g_env.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
    g_env.remove(u"DISPLAY"_s);
    const auto stop = [](const QString &vm) {
        berth({u"stop"_s, vm, u"--force"_s, u"--timeout"_s, u"0"_s});
    };

    // ---- I/O: Berth's live limit, then QEMU's own by hand --------------------------------
    const QString disk = dir.filePath(u"data.raw"_s);
    QProcess::execute(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"raw"_s, disk, u"32M"_s});
    if (!must(berth(guestVm(u"io"_s, 256, u"berth.readdisk=16"_s) + QStringList{u"--disk"_s, disk}),
              "create io") ||
        !must(berth({u"start"_s, u"io"_s}), "start io"))
        return 1;
    const auto ioLog = [] {
        return berth({u"log"_s, u"io"_s}).out;
    };
    const int unlimited = nextRead(ioLog);
    if (!must(berth({u"set"_s, u"io"_s, u"--io-read-bps"_s, u"4M"_s}), "set io"))
        return 1;
    const int limited = nextRead(ioLog);
    stop(u"io"_s);
    const double limit = 4.0;
    const double berthRate = limited > 0 ? 16.0 / (limited / 100.0) : 0;
    std::printf("io_unlimited_read_s %.2f\n", unlimited / 100.0);
    std::printf("io_throttle berth %.3f MiB/s of %.1f (accuracy %.3f)\n", berthRate, limit,
                berthRate / limit);

    const QString serial = dir.filePath(u"qemu-serial.log"_s);
    QProcess qemu;
    qemu.start(u"qemu-system-x86_64"_s,
               {u"-accel"_s, u"tcg"_s, u"-m"_s, u"256"_s, u"-nodefaults"_s, u"-display"_s,
                u"none"_s, u"-kernel"_s, g_guest + u"/vmlinuz"_s, u"-initrd"_s,
                g_guest + u"/initrd.img"_s, u"-append"_s,
                u"console=ttyS0 quiet berth.readdisk=16"_s, u"-serial"_s, u"file:"_s + serial,
                u"-drive"_s,
                u"file=%1,format=raw,if=virtio,throttling.bps-read=4194304"_s.arg(disk)});
    const auto qemuLog = [&] {
        QFile f(serial);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    nextRead(qemuLog); // the first read may have begun at boot
    const int qemuRead = nextRead(qemuLog);
    qemu.kill();
    qemu.waitForFinished();
    const double qemuRate = qemuRead > 0 ? 16.0 / (qemuRead / 100.0) : 0;
    std::printf("io_throttle qemu %.3f MiB/s of %.1f (accuracy %.3f)\n", qemuRate, limit,
                qemuRate / limit);

    // ---- memory target -------------------------------------------------------------------
    if (!must(berth(guestVm(u"mem"_s, 256, u"berth.meminfo"_s)), "create mem") ||
        !must(berth({u"start"_s, u"mem"_s}), "start mem"))
        return 1;
    static const QRegularExpression memTotal(u"MemTotal:(\\d+)"_s);
    const auto lastMemTotal = [] {
        const QList<int> v = matches(berth({u"log"_s, u"mem"_s}).out, memTotal);
        return v.isEmpty() ? -1 : v.last();
    };
    QElapsedTimer wait;
    wait.start();
    while (lastMemTotal() < 0 && wait.elapsed() < 120'000)
        QThread::msleep(200);
    const int before = lastMemTotal();
    QElapsedTimer balloon;
    balloon.start();
    must(berth({u"set"_s, u"mem"_s, u"--memory-target"_s, u"160"_s}), "set mem");
    while (lastMemTotal() > before - 90 * 1024 && balloon.elapsed() < 60'000)
        QThread::msleep(100);
    std::printf("balloon_reaction_s %.2f (MemTotal %d -> %d kB; the guest reports each second)\n",
                balloon.elapsed() / 1000.0, before, lastMemTotal());
    stop(u"mem"_s);

    // ---- CPU weights -----------------------------------------------------------------------
    qint64 pids[2] = {0, 0};
    const char *names[2] = {"w100", "w300"};
    const char *weights[2] = {"100", "300"};
    for (int i = 0; i < 2; ++i) {
        const QString vm = QString::fromLatin1(names[i]);
        if (!must(berth(guestVm(vm, 128, u"berth.spin=1"_s)), "create w") ||
            !must(berth({u"set"_s, vm, u"--cpu-weight"_s, QString::fromLatin1(weights[i]),
                         u"--cpu-affinity"_s, u"0"_s, u"--emulator-affinity"_s, u"0"_s}),
                  "set w") ||
            !must(berth({u"start"_s, vm}), "start w"))
            return 1;
        pids[i] = QJsonDocument::fromJson(berth({u"status"_s, vm, u"--json"_s}).out)
                      .object()
                      .value("pid"_L1)
                      .toInteger();
    }
    QThread::sleep(8); // both booted and spinning
    const qint64 a0 = cpuTicks(pids[0]);
    const qint64 b0 = cpuTicks(pids[1]);
    QThread::sleep(15);
    const double a = double(cpuTicks(pids[0]) - a0);
    const double b = double(cpuTicks(pids[1]) - b0);
    const double ratio = a > 0 ? b / a : 0;
    std::printf("cpu_fairness %.3f (measured share ratio %.2f, ideal 3)\n", ratio / 3.0, ratio);
    stop(u"w100"_s);
    stop(u"w300"_s);

    std::printf("RESULT io_throttle_accuracy %.3f ratio=%.3f baseline=qemu-drive-throttling\n",
                berthRate / limit, qemuRate > 0 ? berthRate / qemuRate : 0.0);
    return 0;
}
