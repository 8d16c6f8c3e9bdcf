// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vmdefinition.h"

#include <QList>
#include <QString>
#include <QTemporaryDir>

/// The tiny Linux test guest (built by tests/guest, passed in $BERTH_TEST_GUEST_DIR), as
/// the tests and benchmarks boot it.
namespace TestGuest {

/// $BERTH_TEST_GUEST_DIR, or empty when it is not set.
QString directory();
/// Whether the guest has been built there.
bool isAvailable();
/// A VM that boots it directly under TCG: one CPU, pc machine, a fresh uuid, no disks.
VmDefinition definition(const QString &name,
                        const QString &kernelArgs = QStringLiteral("console=ttyS0 quiet"),
                        int memoryMiB = 256);

} // namespace TestGuest

namespace TestGuest {
/// Kills every QEMU whose pidfile lies under @p runtimeDir (a test's private
/// XDG_RUNTIME_DIR): VMs run detached by design, so a test that fails half-way would
/// otherwise leave its QEMU running after it.
void killLeftoverQemus(const QString &runtimeDir);
/// The pids of the QEMU processes whose command line names @p needle (a uuid, a test's
/// runtime folder).
QList<qint64> qemusNaming(const QString &needle);
} // namespace TestGuest

/// A test's private XDG_RUNTIME_DIR, set on construction, for the VMs it starts. The
/// destructor kills every QEMU still running from it (killLeftoverQemus) before the folder
/// goes: one test's failed check must not leave a VM running into the next.
class PrivateRuntime final
{
public:
    PrivateRuntime();
    ~PrivateRuntime();
    Q_DISABLE_COPY_MOVE(PrivateRuntime)

    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
};
