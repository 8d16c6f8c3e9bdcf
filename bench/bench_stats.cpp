// SPDX-License-Identifier: GPL-2.0-or-later
// Stats benchmark: the CPU Berth's own process spends sampling many running VMs at 1 s,
// against simpler samplers in the same run, and the memory each VM's history takes.
//
// VMs: --fakes (default 50) bench_fake_qemu processes, each with two sleeping "vCPU"
// threads and its own QMP server (so the QMP work on QEMU's side is not counted here),
// plus --real (default 3) real QEMUs booting the tiny test guest under TCG when
// BERTH_TEST_GUEST_DIR is set. Berth attaches to all of them as the window does (one
// VmInstance each, the GUI monitor), then, for --seconds each, with nothing else running:
//   berth       StatsSampler: one timer, /proc read with single read(2) calls, QMP for
//               block and balloon stats, the vCPU thread ids cached per run
//   naive       one QTimer per VM, QFile reads, the task list from /proc/<pid>/task, the
//               same three QMP queries every tick (query-cpus-fast included)
//   virt-manager-like   one QTimer per VM every 3 s, QEMU's CPU time only (virt-manager's
//               default: "Poll CPU usage" every 3 s, nothing else)
// CPU is getrusage(RUSAGE_SELF) over the window (all threads), as % of one core.
//
// Also: StatsChart (QPainter) against Qt Charts (QChartView) redrawing a one-hour chart
// (3 series x 3600 points) as the Performance tab does each second, when Qt Charts is there.
//
// The last line of the output is machine-readable:
//     RESULT stats_cpu_percent <berth> % ratio=<berth / naive> baseline=naive-timer-per-vm

#include "bench/benchsupport.h"
#include "models/stats/statssampler.h"
#include "models/vm/runtimefolder.h"
#include "models/vm/vmdevices.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlayout.h"
#include "models/vm/vmlibrary.h"
#include "qmp/qemumonitor.h"
#include "qmp/qmpclient.h"
#include "tests/support/qmpclienttestaccess.h"
#include "tests/support/testguest.h"
#include "ui/widgets/statschart.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTimer>

#ifdef BENCH_HAVE_QTCHARTS
#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QValueAxis>
#endif

#include <csignal>
#include <cstdio>
#include <memory>

#include <sys/resource.h>

using namespace Qt::Literals::StringLiterals;

namespace {

double cpuSeconds()
{
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

void runFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

/// CPU of this process over @p seconds of event loop, in % of one core.
double measure(int seconds)
{
    QElapsedTimer wall;
    const double before = cpuSeconds();
    wall.start();
    runFor(seconds * 1000);
    return (cpuSeconds() - before) / (double(wall.elapsed()) / 1000.0) * 100.0;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// The baselines: one QTimer per VM, written the straightforward way.
class NaiveSampler final : public QObject
{
public:
    NaiveSampler(const std::vector<std::unique_ptr<VmInstance>> &vms, int intervalMs, bool cpuOnly)
    {
        for (const auto &vm : vms) {
            auto *timer = new QTimer(this);
            timer->setInterval(intervalMs);
            VmInstance *v = vm.get();
            connect(timer, &QTimer::timeout, this, [this, v, cpuOnly] { sample(v, cpuOnly); });
            timer->start();
        }
    }

    qint64 samples = 0;

private:
    void sample(VmInstance *vm, bool cpuOnly)
    {
        const QString proc = u"/proc/%1"_s.arg(vm->pid());
        const QList<QByteArray> stat = readAll(proc + u"/stat"_s).split(' ');
        m_sink += stat.value(13).toULongLong() + stat.value(14).toULongLong();
        ++samples;
        if (cpuOnly)
            return;
        m_sink += readAll(proc + u"/statm"_s).split(' ').value(1).toULongLong();
        for (const QString &task :
             QDir(proc + u"/task"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            m_sink += readAll(proc + u"/task/"_s + task + u"/stat"_s).size();
        QmpClient *qmp = vm->qmp();
        if (!qmp || !qmp->isReady())
            return;
        // The same three queries as Berth's sampler, the raw way (past QemuMonitor, as the
        // baseline always was: its cost is not Berth's typed parsing).
        for (const auto &[command, args] :
             {std::pair<QString, QJsonObject>{u"query-cpus-fast"_s, {}},
              {u"query-blockstats"_s, {}},
              {u"qom-get"_s,
               {{u"path"_s, QemuMonitor::peripheralPath(VmDevices::Balloon)},
                {u"property"_s, u"guest-stats"_s}}}})
            QmpClientTestAccess::execute(*qmp, command, args, this, [this](const QmpReply &r) {
                m_sink +=
                    quint64(QJsonDocument::fromVariant(r.result().toVariant()).toJson().size());
            });
    }

    quint64 m_sink = 0;
};

#ifdef BENCH_HAVE_QTCHARTS
/// ms per redraw of a one-hour chart of 3 x 3600 points, data replaced each time.
std::pair<double, double> chartRepaint(int rounds)
{
    constexpr int kPoints = 3600;
    const qint64 end = 1'800'000'000'000;
    const QSize size(640, 320);
    auto valueAt = [](int series, int i, int round) {
        return float(50 + 40 * std::sin((i + round) / 30.0 + series));
    };

    StatsChart painter(u"CPU"_s, StatsChart::Unit::Percent);
    painter.resize(size);
    QElapsedTimer t;
    t.start();
    for (int round = 0; round < rounds; ++round) {
        QList<StatsChart::Series> series;
        for (int s = 0; s < 3; ++s) {
            StatsChart::Series one;
            one.name = u"s%1"_s.arg(s);
            one.color = QColor::fromHsv(s * 100, 200, 220);
            for (int i = 0; i < kPoints; ++i) {
                one.timeMs.append(end - (kPoints - i) * 1000);
                one.values.append(valueAt(s, i, round));
            }
            series.append(one);
        }
        painter.setData(series, end, kPoints * 1000);
        (void)painter.grab();
    }
    const double painterMs = double(t.nsecsElapsed()) / 1e6 / rounds;

    QChart *chart = new QChart;
    QList<QLineSeries *> lines;
    for (int s = 0; s < 3; ++s) {
        auto *line = new QLineSeries;
        chart->addSeries(line);
        lines.append(line);
    }
    chart->createDefaultAxes();
    chart->axes(Qt::Horizontal).front()->setRange(0, kPoints);
    chart->axes(Qt::Vertical).front()->setRange(0, 100);
    QChartView view(chart);
    view.setRenderHint(QPainter::Antialiasing);
    view.resize(size);
    t.restart();
    for (int round = 0; round < rounds; ++round) {
        for (int s = 0; s < 3; ++s) {
            QList<QPointF> points;
            points.reserve(kPoints);
            for (int i = 0; i < kPoints; ++i)
                points.append(QPointF(i, valueAt(s, i, round)));
            lines[s]->replace(points);
        }
        (void)view.grab();
    }
    return {painterMs, double(t.nsecsElapsed()) / 1e6 / rounds};
}
#endif

volatile std::sig_atomic_t g_signal = 0;

} // namespace

int main(int argc, char *argv[])
{
    std::signal(SIGPIPE, SIG_IGN);
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Every VM's runtime folder goes into this run's own folder.
    QTemporaryDir dir(QDir::tempPath() + u"/bstats-XXXXXX"_s);
    const QString runtime = dir.filePath(u"run"_s);
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"CPU of Berth's stats sampler with many VMs."_s);
    parser.addHelpOption();
    parser.addOption({u"fakes"_s, u"Fake QEMU processes (default 50)."_s, u"N"_s});
    parser.addOption({u"real"_s, u"Real QEMUs with the test guest (default 3)."_s, u"N"_s});
    parser.addOption({u"seconds"_s, u"Measuring window per sampler (default 20)."_s, u"S"_s});
    parser.process(app);
    bool ok = true;
    const int fakes = Bench::positiveOption(parser, u"fakes"_s, 50, &ok);
    const int reals =
        TestGuest::isAvailable() ? Bench::positiveOption(parser, u"real"_s, 3, &ok) : 0;
    const int seconds = Bench::positiveOption(parser, u"seconds"_s, 20, &ok);
    if (!ok)
        return 2;
    for (const int s : {SIGINT, SIGTERM})
        std::signal(s, [](int n) {
            g_signal = n;
            QCoreApplication::quit();
        });

    VmLibrary library(dir.filePath(u"library"_s));
    if (const Outcome<> loaded = library.reload(); !loaded)
        return Bench::fail(loaded.failure().message(), 0);

    std::vector<pid_t> children;
    auto cleanup = [&] {
        for (const pid_t pid : children)
            Bench::stopChild(pid, std::chrono::milliseconds(0));
        TestGuest::killLeftoverQemus(runtime);
    };
    std::vector<std::unique_ptr<VmInstance>> vms;
    const QString fakeBinary = QCoreApplication::applicationDirPath() + u"/bench_fake_qemu"_s;
    for (int i = 0; i < fakes + reals; ++i) {
        const bool real = i >= fakes;
        VmDefinition d =
            TestGuest::definition(real ? u"real-%1"_s.arg(i - fakes) : u"fake-%1"_s.arg(i));
        d.cpus = 2;
        if (!real) {
            d.kernel.clear();
            d.initrd.clear();
            d.kernelArgs.clear();
        }
        if (const Outcome<> created = library.create(d); !created) {
            cleanup();
            return Bench::fail(created.failure().message(), 0);
        }
        const VmEntry *e = library.find(d.name);
        if (!real) {
            const VmLayout layout(e->folder, d);
            if (const Outcome<> made = RuntimeFolder::ensure(layout.runtimeFolder()); !made) {
                cleanup();
                return Bench::fail(made.failure().message(), 0);
            }
            const pid_t pid =
                Bench::spawnChild({fakeBinary.toStdString(), "-uuid",
                                   d.uuid.toString(QUuid::WithoutBraces).toStdString(), "-qmp",
                                   layout.guiMonitorPath().toStdString(), "-pidfile",
                                   layout.pidFilePath().toStdString(), "-vcpus", "2"},
                                  {}, dir.filePath(u"fake.log"_s).toStdString());
            if (pid < 0) {
                cleanup();
                return Bench::fail(u"cannot run %1: %2"_s.arg(fakeBinary, Bench::systemError()), 0);
            }
            children.push_back(pid);
        }
        vms.push_back(
            std::make_unique<VmInstance>(e->definition, e->folder, VmInstance::MonitorRole::Gui));
    }
    // Fakes: wait for their pidfiles, then attach. Real ones: start (they boot meanwhile).
    QElapsedTimer setup;
    setup.start();
    for (auto &vm : vms) {
        if (vm->definition().name.startsWith(u"real"_s)) {
            vm->start();
            continue;
        }
        while (!QFile::exists(vm->layout().pidFilePath()) && setup.elapsed() < 20'000)
            runFor(10);
        vm->attach();
    }
    auto allReady = [&] {
        return std::all_of(vms.begin(), vms.end(), [](const auto &vm) {
            return vm->state() == VmState::Running && vm->qmp() && vm->qmp()->isReady();
        });
    };
    while (!allReady() && setup.elapsed() < 90'000 && !g_signal)
        runFor(50);
    if (!allReady() || g_signal) {
        cleanup();
        return Bench::fail(u"not every VM came up (%1 s)"_s.arg(setup.elapsed() / 1000), g_signal);
    }
    std::printf("vms: %d fake QEMUs + %d real QEMUs (test guest, TCG), 2 vCPUs each; "
                "%d s per measurement\n",
                fakes, reals, seconds);
    runFor(2000); // the real guests finish booting
    const double idle = measure(std::min(seconds, 10));
    std::printf("attached, no sampling:              %6.3f %% of one core\n", idle);

    StatsSampler sampler;
    sampler.setInterval(1000);
    for (auto &vm : vms)
        sampler.track(vm.get());
    int ticks = 0;
    QObject::connect(&sampler, &StatsSampler::sampled, &sampler, [&] { ++ticks; });
    sampler.start();
    runFor(3000); // baselines, vCPU thread ids, balloon polling
    ticks = 0;
    const double berth = measure(seconds);
    sampler.stop();
    int complete = 0;
    for (const auto &vm : vms) {
        const VmStatsSample s = sampler.latest(vm->definition().uuid);
        complete += VmStatsSample::known(s.cpuPercent) && s.vcpuPercent.size() == 2 &&
                    VmStatsSample::known(s.vcpuPercent[1]) && VmStatsSample::known(s.diskReadBps) &&
                    VmStatsSample::known(s.rssMiB);
    }
    std::printf("berth (one timer, %d ticks):        %6.3f %% of one core; %d of %zu VMs with "
                "every measure\n",
                ticks, berth, complete, vms.size());
    if (complete < int(vms.size()) - reals) { // the real guests may lack nothing, fakes never
        cleanup();
        return Bench::fail(u"the sampler missed measures"_s, 0);
    }

    auto baseline = [&](int intervalMs, bool cpuOnly, const char *label) {
        NaiveSampler naive(vms, intervalMs, cpuOnly);
        runFor(intervalMs * 2);
        const double percent = measure(seconds);
        std::printf("%s %6.3f %% of one core (%lld samples)\n", label, percent,
                    static_cast<long long>(naive.samples));
        return percent;
    };
    const double naive = baseline(1000, false, "naive (timer per VM, QFile, 3 QMP):");
    runFor(500);
    baseline(3000, true, "virt-manager-like (3 s, CPU only): ");
    std::printf("virt-manager's default: polls every 3 s, CPU only (disk, network and memory "
                "polling off); Berth: every 1 s, CPU per vCPU, memory, disk\n");

    StatsHistory full;
    VmStatsSample s;
    s.vcpuPercent = {1, 2};
    for (int i = 0; i < StatsHistory::DefaultCapacity * 2; ++i)
        full.append(s);
    const StatsHistory *live = sampler.history(vms.front()->definition().uuid);
    std::printf("history per VM: %lld bytes for %d samples (1 h at 1 s) with 2 vCPUs, fixed "
                "(a live one: %lld bytes after %d samples)\n",
                static_cast<long long>(full.memoryBytes()), full.capacity(),
                static_cast<long long>(live->memoryBytes()), live->size());

#ifdef BENCH_HAVE_QTCHARTS
    const auto [painterMs, chartsMs] = chartRepaint(20);
    std::printf("one-hour chart redraw (3 x 3600 points, 640x320): StatsChart %.2f ms, "
                "Qt Charts %.2f ms\n",
                painterMs, chartsMs);
#endif

    cleanup();
    vms.clear();
    std::printf("RESULT stats_cpu_percent %.3f %% ratio=%.3f baseline=naive-timer-per-vm\n", berth,
                naive > 0 ? berth / naive : 0.0);
    return 0;
}
