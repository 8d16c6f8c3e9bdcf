#pragma once

#include <QFrame>
#include <QList>
#include <QString>

class QLabel;
class QToolButton;

/// A bar across the top of the window that shows errors and warnings in place, like
/// KDE's KMessageWidget: an icon, one message, and a button to dismiss it.
///
/// Messages stack: the newest is shown, and dismissing it shows the one before. The
/// first line of a message is shown; the whole text is in the tooltip (a QEMU log tail
/// can be long; the details pane shows it in full). Hidden when there is nothing to show.
class MessageBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBar)

public:
    enum class Kind
    {
        Error,
        Warning,
        Information
    };

    explicit MessageBar(QWidget *parent = nullptr);
    ~MessageBar() override;

    /// Shows @p text (plain text) on top of the messages already shown.
    void showMessage(Kind kind, const QString &text);
    /// Dismisses the message on top.
    void dismiss();
    void clear();

    /// The message on top, or empty.
    QString currentText() const;
    int count() const { return int(m_messages.size()); }

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Message
    {
        Kind kind;
        QString text;
    };

    void refresh();
    void updateColors();

    QList<Message> m_messages;
    QLabel *m_icon;
    QLabel *m_text;
    QLabel *m_more;
    QToolButton *m_close;
    bool m_updatingColors = false;
};
