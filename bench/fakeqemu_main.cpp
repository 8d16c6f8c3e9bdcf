// SPDX-License-Identifier: GPL-2.0-or-later
// bench_fake_qemu: a stand-in QEMU for bench_stats, so that 50 VMs fit on a 2-core machine.
//
//   bench_fake_qemu -uuid UUID -qmp SOCKET -pidfile FILE -vcpus N
//
// Its name contains "qemu" and its command line "-uuid UUID", so Berth's VmInstance
// attaches to it as to a QEMU it did not start. It has N sleeping "vCPU" threads (their
// ids answer query-cpus-fast, so Berth reads real /proc/<pid>/task/<tid>/stat files) and
// serves QMP on SOCKET, one client at a time like QEMU: the commands the stats sampler and
// VmInstance send get plausible answers; block counters and guest stats move over time.
// It does the QMP work in its own process, so the benchmark measures only Berth's side.
#include <csignal>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <poll.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

namespace {

std::vector<long> g_tids;
std::atomic<int> g_ready{0};

std::string field(const std::string &line, const char *key)
{
    const std::string k = std::string("\"") + key + "\":";
    const size_t at = line.find(k);
    if (at == std::string::npos)
        return {};
    size_t start = at + k.size();
    while (start < line.size() && line[start] == ' ')
        ++start;
    size_t end = start;
    if (end < line.size() && line[end] == '"') {
        end = line.find('"', start + 1);
        return end == std::string::npos ? std::string() : line.substr(start, end - start + 1);
    }
    while (end < line.size() && line[end] != ',' && line[end] != '}')
        ++end;
    return line.substr(start, end - start);
}

std::string answer(const std::string &line, long long tick)
{
    const std::string command = field(line, "execute");
    std::string result = "{}";
    if (command == "\"query-status\"") {
        result = R"({"status":"running","singlestep":false,"running":true})";
    } else if (command == "\"query-kvm\"") {
        result = R"({"enabled":false,"present":false})";
    } else if (command == "\"query-cpus-fast\"") {
        result = "[";
        for (size_t i = 0; i < g_tids.size(); ++i) {
            result += (i ? "," : "") + std::string("{\"thread-id\":") + std::to_string(g_tids[i]) +
                      ",\"props\":{\"core-id\":" + std::to_string(i) +
                      ",\"thread-id\":0,\"socket-id\":0},\"qom-path\":\"/machine/unattached/"
                      "device[" +
                      std::to_string(i) + "]\",\"cpu-index\":" + std::to_string(i) +
                      ",\"target\":\"x86_64\"}";
        }
        result += "]";
    } else if (command == "\"query-blockstats\"") {
        result = "[{\"device\":\"\",\"node-name\":\"disk0\",\"qdev\":\"/machine/peripheral/"
                 "disk0-dev/virtio-backend\",\"stats\":{\"rd_bytes\":" +
                 std::to_string(tick * 4096) + ",\"wr_bytes\":" + std::to_string(tick * 8192) +
                 ",\"rd_operations\":" + std::to_string(tick) +
                 ",\"wr_operations\":" + std::to_string(tick) +
                 ",\"flush_operations\":0,\"account_invalid\":true}}]";
    } else if (command == "\"qom-get\"" &&
               line.find("guest-stats-polling-interval") != std::string::npos) {
        result = "1";
    } else if (command == "\"qom-get\"") {
        result = "{\"stats\":{\"stat-total-memory\":228749312,\"stat-available-memory\":" +
                 std::to_string(204357632 - (tick % 50) * 4096) +
                 ",\"stat-free-memory\":200986624,\"stat-disk-caches\":2351104,"
                 "\"stat-swap-in\":0,\"stat-swap-out\":0,\"stat-major-faults\":0,"
                 "\"stat-minor-faults\":1287,\"stat-htlb-pgalloc\":0,\"stat-htlb-pgfail\":0},"
                 "\"last-update\":" +
                 std::to_string(1795263578 + tick) + "}";
    }
    std::string reply = "{\"return\":" + result;
    const std::string id = field(line, "id");
    if (!id.empty())
        reply += ",\"id\":" + id;
    return reply + "}\r\n";
}

void writeAll(int fd, const std::string &bytes)
{
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::send(fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
        if (n <= 0)
            return;
        done += size_t(n);
    }
}

void serve(int client)
{
    writeAll(
        client,
        R"({"QMP":{"version":{"qemu":{"micro":0,"minor":2,"major":7},"package":""},"capabilities":["oob"]}})"
        "\r\n");
    std::string inbox;
    char buffer[4096];
    const auto start = std::chrono::steady_clock::now();
    for (;;) {
        const ssize_t n = ::read(client, buffer, sizeof buffer);
        if (n <= 0)
            break;
        inbox.append(buffer, size_t(n));
        size_t end = 0;
        while ((end = inbox.find('\n')) != std::string::npos) {
            const std::string line = inbox.substr(0, end);
            inbox.erase(0, end + 1);
            if (line.find("execute") == std::string::npos)
                continue;
            const long long tick = std::chrono::duration_cast<std::chrono::seconds>(
                                       std::chrono::steady_clock::now() - start)
                                       .count();
            writeAll(client, answer(line, tick));
        }
    }
    ::close(client);
}

} // namespace

int main(int argc, char **argv)
{
    std::signal(SIGPIPE, SIG_IGN);
    std::string socketPath;
    std::string pidFile;
    int vcpus = 2;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        if (key == "-qmp")
            socketPath = argv[i + 1];
        else if (key == "-pidfile")
            pidFile = argv[i + 1];
        else if (key == "-vcpus")
            vcpus = std::max(1, std::atoi(argv[i + 1]));
    }
    if (socketPath.empty() || pidFile.empty()) {
        std::fprintf(stderr,
                     "usage: bench_fake_qemu -uuid UUID -qmp SOCKET -pidfile FILE -vcpus N\n");
        return 2;
    }
    g_tids.resize(size_t(vcpus));
    std::vector<std::thread> threads;
    for (int i = 0; i < vcpus; ++i) {
        threads.emplace_back([i] {
            g_tids[size_t(i)] = long(::syscall(SYS_gettid));
            ++g_ready;
            for (;;)
                ::pause(); // a halted vCPU
        });
    }
    while (g_ready < vcpus)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));

    const int server = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::snprintf(address.sun_path, sizeof address.sun_path, "%s", socketPath.c_str());
    ::unlink(socketPath.c_str());
    if (server < 0 ||
        ::bind(server, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0 ||
        ::listen(server, 4) != 0) {
        std::perror("bench_fake_qemu: listen");
        return 1;
    }
    // The pidfile last, as QEMU does: whoever reads it finds the monitor listening.
    if (FILE *f = std::fopen(pidFile.c_str(), "w")) {
        std::fprintf(f, "%d\n", int(::getpid()));
        std::fclose(f);
    }
    for (;;) {
        const int client = ::accept4(server, nullptr, nullptr, SOCK_CLOEXEC);
        if (client >= 0)
            serve(client);
        else if (errno != EINTR)
            return 1;
    }
}
