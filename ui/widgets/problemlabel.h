// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QWidget>

class QLabel;

/// One line under a form saying why it cannot go on yet, with an information icon; hidden
/// while there is nothing to say. Wizards' pages show their problem() in one.
class ProblemLabel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemLabel)

public:
    explicit ProblemLabel(QWidget *parent = nullptr);
    ~ProblemLabel() override;

    void setProblem(const QString &text);
    /// The text shown, or empty when hidden.
    QString problem() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateIcon();

    QLabel *m_icon;
    QLabel *m_text;
};
