// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/widgets/messagebar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

namespace {

// Tinted from the palette so the bar reads well in light and dark themes alike.
QColor tint(MessageBar::Kind kind)
{
    switch (kind) {
    case MessageBar::Kind::Error:
        return QColor(0xda, 0x44, 0x53);
    case MessageBar::Kind::Warning:
        return QColor(0xf6, 0x74, 0x00);
    case MessageBar::Kind::Information:
        return QColor(0x3d, 0xae, 0xe9);
    }
    return {};
}

QStyle::StandardPixmap standardIcon(MessageBar::Kind kind)
{
    switch (kind) {
    case MessageBar::Kind::Error:
        return QStyle::SP_MessageBoxCritical;
    case MessageBar::Kind::Warning:
        return QStyle::SP_MessageBoxWarning;
    case MessageBar::Kind::Information:
        return QStyle::SP_MessageBoxInformation;
    }
    return QStyle::SP_MessageBoxInformation;
}

QString themeIcon(MessageBar::Kind kind)
{
    switch (kind) {
    case MessageBar::Kind::Error:
        return u"dialog-error"_s;
    case MessageBar::Kind::Warning:
        return u"dialog-warning"_s;
    case MessageBar::Kind::Information:
        return u"dialog-information"_s;
    }
    return {};
}

} // namespace

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_close(new QToolButton(this))
{
    setObjectName(u"messageBar"_s);
    setFrameShape(QFrame::StyledPanel);
    m_text->setObjectName(u"messageBarText"_s);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_close->setObjectName(u"messageBarClose"_s);
    m_close->setAutoRaise(true);
    m_close->setIcon(
        QIcon::fromTheme(u"window-close"_s, style()->standardIcon(QStyle::SP_TitleBarCloseButton)));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss message"));
    connect(m_close, &QToolButton::clicked, this, &MessageBar::dismiss);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    hide();
}

MessageBar::~MessageBar() = default;

void MessageBar::showMessage(Kind kind, const QString &text, const QUuid &owner)
{
    m_messages.insert(owner, {kind, text});
    refresh();
}

void MessageBar::clearMessage(const QUuid &owner)
{
    if (m_messages.remove(owner))
        refresh();
}

void MessageBar::setCurrentOwner(const QUuid &owner)
{
    if (owner == m_currentOwner)
        return;
    m_currentOwner = owner;
    refresh();
}

QUuid MessageBar::shownOwner() const
{
    return !m_currentOwner.isNull() && m_messages.contains(m_currentOwner) ? m_currentOwner
                                                                           : QUuid();
}

void MessageBar::dismiss()
{
    m_messages.remove(shownOwner());
    refresh();
}

void MessageBar::clear()
{
    m_messages.clear();
    refresh();
}

QString MessageBar::currentText() const
{
    const auto it = m_messages.constFind(shownOwner());
    return it == m_messages.cend() ? QString() : it->text;
}

void MessageBar::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_updatingColors)
        updateColors();
}

void MessageBar::updateColors()
{
    if (!m_messages.contains(shownOwner()))
        return;
    // A light wash of the kind's colour over the window's own colour, with a border in it:
    // readable with light and dark palettes alike.
    const QColor base = parentWidget() ? parentWidget()->palette().color(QPalette::Window)
                                       : palette().color(QPalette::Window);
    const QColor accent = tint(m_messages.value(shownOwner()).kind);
    const auto mix = [](int a, int b) {
        return (a * 3 + b) / 4;
    };
    const QColor wash(mix(base.red(), accent.red()), mix(base.green(), accent.green()),
                      mix(base.blue(), accent.blue()));
    m_updatingColors = true;
    setStyleSheet(
        u"MessageBar { background-color: %1; border: 1px solid %2; border-radius: 4px; }"_s.arg(
            wash.name(), accent.name()));
    m_updatingColors = false;
}

void MessageBar::refresh()
{
    const auto it = m_messages.constFind(shownOwner());
    if (it == m_messages.cend()) {
        const bool was = !isHidden();
        hide();
        if (was)
            Q_EMIT messageChanged(false);
        return;
    }
    const Message &m = *it;
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(
        QIcon::fromTheme(themeIcon(m.kind), style()->standardIcon(standardIcon(m.kind)))
            .pixmap(iconSize, iconSize));
    const QString firstLine = m.text.section(u'\n', 0, 0);
    const bool truncated = firstLine.size() != m.text.size();
    m_text->setText(truncated ? firstLine + u" …"_s : firstLine);
    m_text->setToolTip(truncated ? m.text : QString());
    updateColors();
    show();
    Q_EMIT messageChanged(true);
}
