// SPDX-License-Identifier: GPL-2.0-or-later
#include "bench/benchsupport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <numeric>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace {

double percentile(const std::vector<double> &sorted, double p)
{
    const auto rank = size_t(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

std::vector<char *> pointers(std::vector<std::string> &strings)
{
    std::vector<char *> out;
    for (std::string &s : strings)
        out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

} // namespace

Bench::Summary Bench::summarize(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    Summary s;
    s.p50 = percentile(samples, 50);
    s.p90 = percentile(samples, 90);
    s.p99 = percentile(samples, 99);
    s.mean = std::accumulate(samples.begin(), samples.end(), 0.0) / double(samples.size());
    s.min = samples.front();
    s.max = samples.back();
    return s;
}

double Bench::milliseconds(std::chrono::steady_clock::duration d)
{
    return std::chrono::duration<double, std::milli>(d).count();
}

double Bench::microseconds(std::chrono::steady_clock::duration d)
{
    return std::chrono::duration<double, std::micro>(d).count();
}

int Bench::positiveOption(const QCommandLineParser &parser, const QString &name, int fallback,
                          bool *ok)
{
    if (!parser.isSet(name))
        return fallback;
    const int value = parser.value(name).toInt(ok);
    if (!*ok || value <= 0) {
        *ok = false;
        std::fprintf(stderr, "%s: --%s needs a positive integer, got \"%s\"\n",
                     qPrintable(QCoreApplication::applicationName()), qPrintable(name),
                     qPrintable(parser.value(name)));
    }
    return value;
}

int Bench::fail(const QString &message, int interruptedBy)
{
    const QByteArray program = QCoreApplication::applicationName().toLocal8Bit();
    if (interruptedBy != 0) {
        std::fprintf(stderr, "%s: interrupted (signal %d)\n", program.constData(), interruptedBy);
        return 128 + interruptedBy;
    }
    std::fprintf(stderr, "%s: %s\n", program.constData(), qPrintable(message));
    return 1;
}

QString Bench::systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

QString Bench::fileTail(const QString &path, qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    if (file.size() > maxBytes)
        file.seek(file.size() - maxBytes);
    return QString::fromLocal8Bit(file.readAll()).trimmed();
}

std::vector<std::string> Bench::environmentWith(const std::vector<std::string> &overrides)
{
    std::vector<std::string> env;
    for (char **entry = environ; *entry; ++entry) {
        const std::string e(*entry);
        const bool overridden =
            std::any_of(overrides.begin(), overrides.end(), [&](const std::string &o) {
                const size_t eq = o.find('=');
                return e.compare(0, eq + 1, o, 0, eq + 1) == 0;
            });
        if (!overridden)
            env.push_back(e);
    }
    env.insert(env.end(), overrides.begin(), overrides.end());
    return env;
}

pid_t Bench::spawnChild(const std::vector<std::string> &argv, const std::vector<std::string> &env,
                        const std::string &logPath, int stdoutFd, int keepFd)
{
    // Everything exec needs is prepared before fork(): the child may only make
    // async-signal-safe calls.
    std::vector<std::string> args = argv;
    std::vector<std::string> vars = env;
    const std::vector<char *> argp = pointers(args);
    const std::vector<char *> envp = pointers(vars);
    char *const *environment = env.empty() ? environ : envp.data();
    const pid_t parent = ::getpid();
    const pid_t child = ::fork();
    if (child != 0)
        return child;
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent)
        ::_exit(127);
    const int in = ::open("/dev/null", O_RDONLY);
    const int log = ::open(logPath.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (in < 0 || log < 0 || ::dup2(in, STDIN_FILENO) < 0 ||
        ::dup2(stdoutFd >= 0 ? stdoutFd : log, STDOUT_FILENO) < 0 || ::dup2(log, STDERR_FILENO) < 0)
        ::_exit(127);
    if (keepFd >= 0)
        ::fcntl(keepFd, F_SETFD, ::fcntl(keepFd, F_GETFD) & ~FD_CLOEXEC);
    ::execve(argp[0], argp.data(), environment);
    ::_exit(127);
}

void Bench::stopChild(pid_t pid, std::chrono::milliseconds grace)
{
    if (pid <= 0)
        return;
    ::kill(pid, grace.count() > 0 ? SIGTERM : SIGKILL);
    const auto deadline = std::chrono::steady_clock::now() + grace;
    for (;;) {
        const pid_t ended = ::waitpid(pid, nullptr, WNOHANG);
        if (ended == pid || (ended < 0 && errno != EINTR))
            return;
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
            }
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

int Bench::startXvfb(const std::string &binary, const std::string &screen,
                     const std::vector<std::string> &env, const std::string &logPath,
                     std::atomic<pid_t> *pid, std::chrono::milliseconds timeout, QString *error)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        *error = QStringLiteral("pipe2(): %1").arg(systemError());
        return -1;
    }
    *pid = spawnChild(
        {binary, "-displayfd", std::to_string(fds[1]), "-screen", "0", screen, "-nolisten", "tcp"},
        env, logPath, -1, fds[1]);
    ::close(fds[1]);
    std::string buffer;
    int display = -1;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (*pid > 0) {
        if (const auto end = buffer.find('\n'); end != std::string::npos) {
            display = std::atoi(buffer.substr(0, end).c_str());
            break;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        pollfd pfd{fds[0], POLLIN, 0};
        if (left.count() <= 0 || ::poll(&pfd, 1, int(left.count())) <= 0)
            break;
        std::array<char, 64> chunk{};
        const ssize_t n = ::read(fds[0], chunk.data(), chunk.size());
        if (n <= 0)
            break;
        buffer.append(chunk.data(), size_t(n));
    }
    ::close(fds[0]);
    if (display < 0) {
        stopChild(pid->exchange(0), std::chrono::milliseconds(0));
        *error =
            QStringLiteral("Xvfb did not start: %1").arg(fileTail(QString::fromStdString(logPath)));
    }
    return display;
}
