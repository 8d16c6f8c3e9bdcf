// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/common/outcome.h"
#include "models/vm/vmnetwork.h"

#include <QList>
#include <QObject>
#include <QString>

class VmInstance;
class VmLibrary;

/// Adds or removes one port forward of a VM, stopped or running: the window's forwards
/// table and `berth forward add|remove` both go through here.
///
/// The order keeps the definition and QEMU in step: the rules are checked first (the
/// definition's own rules, then whether this computer lets QEMU listen on the host ports);
/// on a running VM each port is then added to (or removed from) QEMU through the monitor
/// (`hostfwd_add`/`hostfwd_remove`, QemuMonitor), the ones done undone if one fails; last
/// the definition is written with VmLibrary::update() (compare-and-swap), the live change
/// undone if that is refused. On any failure the definition is as it was.
class PortForwardChange final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PortForwardChange)

public:
    /// @p instance: the VM, attached (its state says whether QEMU runs). Neither is owned.
    PortForwardChange(VmLibrary *library, VmInstance *instance, QObject *parent = nullptr);
    ~PortForwardChange() override;

    void add(const PortForward &forward);
    /// Removes the forward of @p protocol whose host ports include @p hostPort.
    void remove(const QString &protocol, quint16 hostPort);

    /// Whether the last change reached a running QEMU as well as the definition.
    bool wasLive() const { return m_live; }
    /// What was added or removed.
    const PortForward &forward() const { return m_forward; }

Q_SIGNALS:
    /// Once, from the event loop, for each add() or remove().
    void finished(const Outcome<> &outcome);

private:
    /// Applies @p rules (add or remove) to QEMU one after another, then writes @p changed.
    void applyLive(const QList<QemuHostForward> &rules, bool adding, qsizetype next);
    void undoLive(const QList<QemuHostForward> &rules, bool adding, qsizetype count,
                  const Failure &failure);
    void write();
    void finish(const Outcome<> &outcome);
    /// Whether QEMU runs with a monitor to change; sets a failure when it runs without one.
    bool live(QString &refusal) const;

    VmLibrary *m_library;
    VmInstance *m_instance;
    PortForward m_forward;
    bool m_adding = false;
    bool m_live = false;
    QList<QemuHostForward> m_rules;
};
