// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/cli/clijob.h"

#include <fcntl.h>
#include <unistd.h>

namespace {

/// The signal handler writes a byte here; the event loop reads it.
int s_pipe[2] = {-1, -1};

} // namespace

InterruptCancels::InterruptCancels(QObject *context, std::function<void()> cancel)
{
    if (::pipe2(s_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    m_notifier = std::make_unique<QSocketNotifier>(s_pipe[0], QSocketNotifier::Read);
    QObject::connect(m_notifier.get(), &QSocketNotifier::activated, context,
                     [cancel = std::move(cancel)] {
                         char byte;
                         while (::read(s_pipe[0], &byte, 1) > 0) {
                         }
                         cancel();
                     });
    struct sigaction action = {};
    action.sa_handler = [](int) {
        const char byte = 1;
        [[maybe_unused]] const ssize_t n = ::write(s_pipe[1], &byte, 1);
    };
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, &m_previousInt);
    ::sigaction(SIGTERM, &action, &m_previousTerm);
}

InterruptCancels::~InterruptCancels()
{
    if (!m_notifier)
        return;
    ::sigaction(SIGINT, &m_previousInt, nullptr);
    ::sigaction(SIGTERM, &m_previousTerm, nullptr);
    m_notifier.reset();
    ::close(s_pipe[0]);
    ::close(s_pipe[1]);
}
