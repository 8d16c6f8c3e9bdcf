// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QFrame>
#include <QHash>
#include <QString>
#include <QUuid>

class QLabel;
class QToolButton;

/// A bar across the top of the window that shows errors and warnings in place, like
/// KDE's KMessageWidget: an icon, one message, and a button to dismiss it.
///
/// A message belongs to a VM (its uuid) or to the window (a null uuid). There is at most
/// one message per owner: a new one replaces the old, so nothing stale waits behind it.
/// The bar shows the message of the current VM (setCurrentOwner()), else the window's;
/// another VM's message waits until that VM is selected, and goes when its cause does
/// (clearMessage(), e.g. the VM started after all). The first line of a message is shown;
/// the whole text is in the tooltip (a QEMU log tail can be long; the details pane shows
/// it in full). Hidden when there is nothing to show.
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

    /// Sets @p owner's message to @p text (plain text), replacing the one it had.
    void showMessage(Kind kind, const QString &text, const QUuid &owner = {});
    /// Removes @p owner's message, if any.
    void clearMessage(const QUuid &owner);
    /// Whose message may show besides the window's: the selected VM (null for none).
    void setCurrentOwner(const QUuid &owner);
    /// Removes the message shown now.
    void dismiss();
    void clear();

    /// The message shown now, or empty.
    QString currentText() const;
    /// Whether a message is shown now (what View → Dismiss Message needs).
    bool hasMessage() const { return !currentText().isEmpty(); }
    /// Whether @p owner has a message, shown or not.
    bool hasMessageFor(const QUuid &owner) const { return m_messages.contains(owner); }

Q_SIGNALS:
    /// hasMessage() may have changed.
    void messageChanged(bool shown);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Message
    {
        Kind kind = Kind::Error;
        QString text;
    };

    void refresh();
    void updateColors();
    /// The owner whose message shows now: the current VM's, else the window's.
    QUuid shownOwner() const;

    QHash<QUuid, Message> m_messages;
    QUuid m_currentOwner;
    QLabel *m_icon;
    QLabel *m_text;
    QToolButton *m_close;
    bool m_updatingColors = false;
};
