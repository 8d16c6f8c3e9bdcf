#pragma once

#include <QMainWindow>

/// Berth's main window: the menu bar, the status bar and (for now) an empty library.
class VmLibrary;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    /// @p library must outlive the window.
    explicit MainWindow(VmLibrary *library, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Shows the About dialog (non-modal, one at a time).
    void showAbout();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void restoreWindowState();
    void saveWindowState() const;
};
