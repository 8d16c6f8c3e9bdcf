// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QFile>
#include <QFileSystemWatcher>
#include <QStringDecoder>
#include <QTimer>
#include <QWidget>

class QLabel;
class QKeyEvent;
class QLocalSocket;
class QPlainTextEdit;

/// A VM's serial console as captured in its serial.log: a read-only monospace view that
/// follows the file as QEMU writes it.
///
/// No polling: the file and its folder are watched, and each change is read from the
/// last offset. A VM start moves serial.log to serial.log.old and begins a new one; that
/// (or a truncated file) is noticed by the file's identity and size, what was left of
/// the old file is read first, and a separator line marks the new run. Only the last
/// maximumLines() lines are kept, and a large existing log is shown from its last
/// InitialTailBytes. Reads are bounded per event-loop pass, so a flood cannot freeze
/// the window.
///
/// While the VM runs, the view is also its keyboard: setConsoleSocket() joins the VM's
/// SerialKeeper, and keys typed in the view go to the guest's serial port as a terminal
/// would send them (Enter as CR, arrows as escape sequences, Ctrl+letter as control
/// characters); Ctrl+Shift+C copies a selection.
class SerialConsoleView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SerialConsoleView)

public:
    static constexpr qint64 InitialTailBytes = 256 * 1024;
    static constexpr qint64 ReadChunkBytes = 256 * 1024;

    explicit SerialConsoleView(QWidget *parent = nullptr);
    ~SerialConsoleView() override;

    /// Follows @p path (need not exist yet); an empty path shows nothing.
    void setLogFile(const QString &path);
    QString logFile() const { return m_path; }

    /// Joins the console at @p path (SerialKeeper's socket) to send what is typed; an empty
    /// path leaves it (a stopped VM).
    void setConsoleSocket(const QString &path);
    /// Whether typing reaches the guest now.
    bool isInteractive() const;

    /// The bytes a terminal sends for @p event (empty: none).
    static QByteArray terminalBytes(const QKeyEvent &event);

    void setMaximumLines(int lines);
    int maximumLines() const;

    /// Everything shown now.
    QString text() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct FileId
    {
        quint64 device = 0;
        quint64 inode = 0;
        friend bool operator==(const FileId &, const FileId &) = default;
    };

    void scheduleRead();
    void readAvailable();
    bool openCurrent(bool fromStart);
    void append(const QByteArray &bytes);
    void insert(const QString &text);
    void appendNote(const QString &note);
    void updateWatches();
    void updateHeader();

    QString m_path;
    QFile m_file;
    FileId m_fileId;
    qint64 m_offset = 0;
    bool m_following = true; ///< keep the end in view
    bool m_inserting = false;
    QStringDecoder m_decoder;
    QFileSystemWatcher m_watcher;
    QTimer m_readTimer;
    QLabel *m_header;
    QLocalSocket *m_socket;
    QString m_socketPath;
    QPlainTextEdit *m_view;
};
