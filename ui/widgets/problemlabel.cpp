// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/widgets/problemlabel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

using namespace Qt::Literals::StringLiterals;

ProblemLabel::ProblemLabel(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
{
    m_text->setObjectName(u"problemText"_s);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    updateIcon();
    setVisible(false);
}

ProblemLabel::~ProblemLabel() = default;

void ProblemLabel::setProblem(const QString &text)
{
    m_text->setText(text);
    setVisible(!text.isEmpty());
}

QString ProblemLabel::problem() const
{
    return isHidden() ? QString() : m_text->text();
}

void ProblemLabel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::StyleChange || event->type() == QEvent::PaletteChange)
        updateIcon();
}

void ProblemLabel::updateIcon()
{
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxInformation, nullptr, this).pixmap(size, size));
}
