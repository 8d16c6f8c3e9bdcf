// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/widgets/serialconsoleview.h"

#include <QFileInfo>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QLabel>
#include <QLocalSocket>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QVBoxLayout>

#include <optional>
#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kDefaultMaximumLines = 5000;

template<typename Id>
std::optional<Id> identityOf(int result, const struct stat &st)
{
    if (result != 0)
        return std::nullopt;
    return Id{quint64(st.st_dev), quint64(st.st_ino)};
}

// What a terminal would not print: carriage returns (the guest's tty writes "\r\n"),
// ANSI escape sequences (colours, cursor moves) and other control characters.
QString printable(QString text)
{
    static const QRegularExpression escapes(u"\x1b(\\[[0-9;?]*[ -/]*[@-~]|[@-Z\\\\-_])"_s);
    text.remove(escapes);
    QString out;
    out.reserve(text.size());
    for (const QChar c : std::as_const(text)) {
        if (c == u'\n' || c == u'\t' || !(c.category() == QChar::Other_Control))
            out.append(c);
    }
    return out;
}

} // namespace

SerialConsoleView::SerialConsoleView(QWidget *parent)
    : QWidget(parent)
    , m_decoder(QStringDecoder::Utf8)
    , m_header(new QLabel(this))
    , m_socket(new QLocalSocket(this))
    , m_view(new QPlainTextEdit(this))
{
    m_view->setObjectName(u"serialConsole"_s);
    m_view->setReadOnly(true);
    m_view->setUndoRedoEnabled(false);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setMaximumBlockCount(kDefaultMaximumLines);
    m_view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_view->setPlaceholderText(tr("Nothing on the serial console yet.\n\nA Linux guest writes "
                                  "here when it boots with console=ttyS0."));
    m_view->setAccessibleName(tr("Serial console"));
    m_header->setObjectName(u"serialConsoleHeader"_s);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setForegroundRole(QPalette::PlaceholderText);
    setFocusProxy(m_view);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_view, 1);

    // Follow the end unless the user scrolled up; the range also changes when the view is
    // first laid out (a hidden tab), so "at the end" is remembered, not measured.
    QScrollBar *bar = m_view->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) {
        if (!m_inserting)
            m_following = value >= bar->maximum();
    });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int max) {
        if (m_following)
            bar->setValue(max);
    });

    // What the guest writes arrives through serial.log; the socket is only for typing, but
    // must be read, or the keeper drops a console that never reads.
    m_view->installEventFilter(this);
    connect(m_socket, &QLocalSocket::readyRead, this, [this] { m_socket->readAll(); });
    connect(m_socket, &QLocalSocket::stateChanged, this, &SerialConsoleView::updateHeader);

    m_readTimer.setSingleShot(true);
    m_readTimer.setInterval(0);
    connect(&m_readTimer, &QTimer::timeout, this, &SerialConsoleView::readAvailable);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &SerialConsoleView::scheduleRead);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this,
            &SerialConsoleView::scheduleRead);
    updateHeader();
}

SerialConsoleView::~SerialConsoleView()
{
    // The socket, a child, would otherwise tell this half-destroyed view that it closed.
    m_socket->disconnect(this);
}

void SerialConsoleView::setLogFile(const QString &path)
{
    if (path == m_path)
        return;
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    m_readTimer.stop();
    m_file.close();
    m_offset = 0;
    m_view->clear();
    m_following = true;
    m_path = path;
    updateHeader();
    if (m_path.isEmpty())
        return;
    openCurrent(false);
    readAvailable();
}

void SerialConsoleView::setConsoleSocket(const QString &path)
{
    if (path == m_socketPath &&
        (path.isEmpty() || m_socket->state() != QLocalSocket::UnconnectedState))
        return;
    m_socketPath = path;
    m_socket->abort();
    if (!path.isEmpty())
        m_socket->connectToServer(path);
    updateHeader();
}

bool SerialConsoleView::isInteractive() const
{
    return m_socket->state() == QLocalSocket::ConnectedState;
}

QByteArray SerialConsoleView::terminalBytes(const QKeyEvent &event)
{
    switch (event.key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        return "\r";
    case Qt::Key_Backspace:
        return "\x7f";
    case Qt::Key_Tab:
        return "\t";
    case Qt::Key_Escape:
        return "\x1b";
    case Qt::Key_Up:
        return "\x1b[A";
    case Qt::Key_Down:
        return "\x1b[B";
    case Qt::Key_Right:
        return "\x1b[C";
    case Qt::Key_Left:
        return "\x1b[D";
    case Qt::Key_Home:
        return "\x1b[H";
    case Qt::Key_End:
        return "\x1b[F";
    case Qt::Key_Delete:
        return "\x1b[3~";
    case Qt::Key_PageUp:
        return "\x1b[5~";
    case Qt::Key_PageDown:
        return "\x1b[6~";
    default:
        break;
    }
    // Ctrl+letter is the control character (Ctrl+C is "\x03"), whatever text() says.
    const int key = event.key();
    if ((event.modifiers() & Qt::ControlModifier) && !(event.modifiers() & Qt::AltModifier)) {
        if (key >= Qt::Key_A && key <= Qt::Key_Z)
            return QByteArray(1, char(key - Qt::Key_A + 1));
        if (key >= Qt::Key_BracketLeft && key <= Qt::Key_BracketRight) // [ \ ]
            return QByteArray(1, char(0x1b + (key - Qt::Key_BracketLeft)));
    }
    return event.text().toUtf8();
}

bool SerialConsoleView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress && isInteractive()) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool copy = key->modifiers() == (Qt::ControlModifier | Qt::ShiftModifier) &&
                          key->key() == Qt::Key_C;
        if (copy) {
            m_view->copy();
            return true;
        }
        const QByteArray bytes = terminalBytes(*key);
        if (!bytes.isEmpty()) {
            m_socket->write(bytes);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SerialConsoleView::setMaximumLines(int lines)
{
    m_view->setMaximumBlockCount(lines);
}

int SerialConsoleView::maximumLines() const
{
    return m_view->maximumBlockCount();
}

QString SerialConsoleView::text() const
{
    return m_view->toPlainText();
}

void SerialConsoleView::scheduleRead()
{
    if (!m_readTimer.isActive())
        m_readTimer.start();
}

bool SerialConsoleView::openCurrent(bool fromStart)
{
    m_file.close();
    m_file.setFileName(m_path);
    m_decoder.resetState();
    m_offset = 0;
    if (!m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return false;
    struct stat st = {};
    m_fileId = identityOf<FileId>(::fstat(m_file.handle(), &st), st).value_or(FileId{});
    if (!fromStart && m_file.size() > InitialTailBytes) {
        // Start at a line boundary near the end: the window shows what is recent.
        m_offset = m_file.size() - InitialTailBytes;
        m_file.seek(m_offset);
        const QByteArray head = m_file.read(4096);
        const qsizetype newline = head.indexOf('\n');
        m_offset += newline < 0 ? 0 : newline + 1;
        appendNote(tr("Earlier output is not shown; it is in %1").arg(m_path));
    }
    return true;
}

void SerialConsoleView::readAvailable()
{
    if (m_path.isEmpty())
        return;
    if (!m_file.isOpen() && !openCurrent(false)) {
        updateWatches(); // the folder's watch reports when the file appears
        return;
    }
    struct stat st = {};
    const qint64 size = ::fstat(m_file.handle(), &st) == 0 ? qint64(st.st_size) : 0;
    if (size < m_offset) {
        appendNote(tr("The log was truncated"));
        m_offset = 0;
        m_decoder.resetState();
    }
    if (size > m_offset) {
        m_file.seek(m_offset);
        const QByteArray chunk = m_file.read(std::min(size - m_offset, ReadChunkBytes));
        m_offset += chunk.size();
        append(chunk);
        if (size > m_offset) {
            scheduleRead(); // the rest on the next pass: the window stays responsive
            return;
        }
    }
    // All of this file is shown. Has the path moved on to a new file (a new run)?
    struct stat now = {};
    const std::optional<FileId> current =
        identityOf<FileId>(::stat(QFile::encodeName(m_path).constData(), &now), now);
    if (current && *current != m_fileId) {
        if (m_watcher.files().contains(m_path))
            m_watcher.removePath(m_path); // that watch followed the old file
        if (openCurrent(true)) {
            appendNote(tr("The VM started again: a new run begins here"));
            scheduleRead();
        }
    }
    updateWatches();
}

void SerialConsoleView::append(const QByteArray &bytes)
{
    insert(printable(m_decoder.decode(bytes)));
}

void SerialConsoleView::insert(const QString &text)
{
    if (text.isEmpty())
        return;
    m_inserting = true;
    QTextCursor cursor(m_view->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text);
    m_inserting = false;
    if (m_following)
        m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->maximum());
}

void SerialConsoleView::appendNote(const QString &note)
{
    const QString last = m_view->document()->lastBlock().text();
    insert((last.isEmpty() ? QString() : u"\n"_s) + u"── %1 ──\n"_s.arg(note));
}

void SerialConsoleView::updateWatches()
{
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!m_watcher.directories().contains(folder) && QFileInfo(folder).isDir())
        m_watcher.addPath(folder);
    if (!m_watcher.files().contains(m_path) && QFileInfo::exists(m_path))
        m_watcher.addPath(m_path);
}

void SerialConsoleView::updateHeader()
{
    m_header->setVisible(!m_path.isEmpty());
    m_header->setText(
        isInteractive()
            ? tr("First serial port, captured in %1. Type here to send keys to "
                 "the guest (Ctrl+Shift+C copies).")
                  .arg(QFileInfo(m_path).fileName())
            : tr("First serial port, captured in %1").arg(QFileInfo(m_path).fileName()));
    m_header->setToolTip(m_path);
}
