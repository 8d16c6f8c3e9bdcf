// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/osinfo/osprofile.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>

/// Recognises the operating system on install media (an ISO image) with libosinfo and
/// osinfo-db, and turns what osinfo-db knows about it into an OsProfile: name, a VM
/// name, memory, CPUs and disk size ("recommended" resources, else "minimum", else the
/// generic profile, field by field) and whether it needs UEFI.
///
/// libosinfo reads the ISO's primary volume descriptor (volume, system, publisher and
/// application ids) and its El Torito boot record: media that is not bootable is never
/// matched. Loading osinfo-db takes a moment the first time, so detect() runs in a
/// worker thread and reports through detected() on the object's thread; no glib type
/// appears outside osdetector.cpp. One libosinfo call runs at a time in the process.
class OsDetector final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OsDetector)

public:
    explicit OsDetector(QObject *parent = nullptr);
    ~OsDetector() override;

    /// Starts recognising @p isoPath; returns at once. A later call supersedes an
    /// earlier one: only the latest request reports.
    void detect(const QString &isoPath);
    /// Drops the pending request, if any (its thread ends on its own).
    void cancel();
    bool isBusy() const { return m_busy; }

    /// The same, synchronously: blocks while osinfo-db loads and the ISO is read. For
    /// worker threads and the command line, never the GUI thread.
    static OsProfile detectNow(const QString &isoPath);

    /// Berth's own osinfo database, for the releases the system's osinfo-db does not know
    /// yet (Debian's 0.20221130 ends at Debian 11, Ubuntu 22.10, Fedora 37): $BERTH_OSINFO_DIR
    /// when set, else share/berth/osinfo beside the binary's folder (/usr/share/berth/osinfo),
    /// else the source tree's resources/osinfo. Its entries are loaded beside the system's,
    /// only for an OS the system's does not know (the system's wins). Empty when not found.
    static QString supplementaryFolder();

Q_SIGNALS:
    void detected(const QString &isoPath, const OsProfile &profile);

private:
    quint64 m_generation = 0;
    bool m_busy = false;
};
