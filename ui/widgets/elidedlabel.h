// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QLabel>

/// One line of plain text that is elided ("…") to the width it is given instead of widening
/// its window; the whole text is its tooltip while elided.
class ElidedLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElidedLabel)

public:
    explicit ElidedLabel(QWidget *parent = nullptr);
    ~ElidedLabel() override;

    void setFullText(const QString &text);
    QString fullText() const { return m_fullText; }

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void elide();

    QString m_fullText;
};
