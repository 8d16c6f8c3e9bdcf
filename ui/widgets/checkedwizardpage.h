// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QWizardPage>

#include <functional>

/// A wizard page whose Next/Finish button follows a problem function: enabled exactly
/// when it returns an empty string (call recheck() whenever the answer may change), and
/// an optional function run each time the page is entered.
class CheckedWizardPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckedWizardPage)

public:
    using Problem = std::function<QString()>;
    using Enter = std::function<void()>;

    explicit CheckedWizardPage(QWidget *parent = nullptr);
    ~CheckedWizardPage() override;

    void setProblem(Problem problem) { m_problem = std::move(problem); }
    void setOnEnter(Enter enter) { m_enter = std::move(enter); }
    QString problem() const { return m_problem ? m_problem() : QString(); }
    void recheck() { Q_EMIT completeChanged(); }

    /// A sub-form indented under its radio button, as the wizards' pages lay them out.
    static QWidget *indented(QWidget *parent, QLayout *content);

    bool isComplete() const override;
    void initializePage() override;

private:
    Problem m_problem;
    Enter m_enter;
};
