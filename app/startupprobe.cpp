// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/startupprobe.h"

#include <QEvent>
#include <QObject>
#include <QWidget>

#include <cstdio>

namespace {

class FirstPaintFilter final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_reported) {
            m_reported = true;
            watched->removeEventFilter(this);
            // After this paint has finished: the window is on screen.
            QMetaObject::invokeMethod(
                this,
                [] {
                    std::fputs("berth-startup shown\n", stdout);
                    std::fflush(stdout);
                },
                Qt::QueuedConnection);
        }
        return false;
    }

private:
    bool m_reported = false;
};

} // namespace

void StartupProbe::install(QWidget *window)
{
    window->installEventFilter(new FirstPaintFilter(window));
}
