// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/settings/appsettings.h"

#include "models/vm/vmlibrary.h"

#include <QDir>
#include <QSettings>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr auto LibraryKey = "library/folder"_L1;
constexpr auto AcceleratorKey = "vm/defaultAccelerator"_L1;
constexpr auto StatsIntervalKey = "stats/intervalMs"_L1;
constexpr auto CloseActionKey = "ui/closeAction"_L1;
constexpr auto LanguageKey = "ui/language"_L1;
constexpr auto OvercommitRatioKey = "resources/overcommitRatio"_L1;

struct CloseActionName
{
    AppSettings::CloseAction action;
    QLatin1StringView name;
};

constexpr CloseActionName CloseActionNames[] = {
    {AppSettings::CloseAction::KeepInTray, "tray"_L1},
    {AppSettings::CloseAction::Quit, "quit"_L1},
    {AppSettings::CloseAction::Ask, "ask"_L1},
};

} // namespace

QString AppSettings::libraryFolder()
{
    return QSettings().value(LibraryKey).toString();
}

void AppSettings::setLibraryFolder(const QString &folder)
{
    QSettings().setValue(LibraryKey, folder);
}

QString AppSettings::libraryRoot()
{
    const QString fromEnv = qEnvironmentVariable("BERTH_LIBRARY");
    if (!fromEnv.isEmpty())
        return QDir(fromEnv).absolutePath();
    const QString fromPreferences = libraryFolder();
    if (!fromPreferences.isEmpty())
        return QDir(fromPreferences).absolutePath();
    return VmLibrary::standardRoot();
}

Accelerator AppSettings::defaultAccelerator()
{
    Accelerator a = Accelerator::Auto;
    if (!VmDefinition::acceleratorFromName(QSettings().value(AcceleratorKey).toString(), a))
        return Accelerator::Auto;
    return a;
}

void AppSettings::setDefaultAccelerator(Accelerator accelerator)
{
    QSettings().setValue(AcceleratorKey, VmDefinition::acceleratorName(accelerator));
}

int AppSettings::statsIntervalMs()
{
    bool ok = false;
    const int ms = QSettings().value(StatsIntervalKey).toInt(&ok);
    if (!ok || ms < MinStatsIntervalMs || ms > MaxStatsIntervalMs)
        return DefaultStatsIntervalMs;
    return ms;
}

void AppSettings::setStatsIntervalMs(int ms)
{
    QSettings().setValue(StatsIntervalKey, std::clamp(ms, MinStatsIntervalMs, MaxStatsIntervalMs));
}

AppSettings::CloseAction AppSettings::closeAction()
{
    const QString name = QSettings().value(CloseActionKey).toString();
    for (const CloseActionName &n : CloseActionNames) {
        if (name == n.name)
            return n.action;
    }
    return CloseAction::KeepInTray;
}

void AppSettings::setCloseAction(CloseAction action)
{
    for (const CloseActionName &n : CloseActionNames) {
        if (n.action == action)
            QSettings().setValue(CloseActionKey, QString(n.name));
    }
}

QString AppSettings::language()
{
    return QSettings().value(LanguageKey).toString();
}

void AppSettings::setLanguage(const QString &language)
{
    QSettings().setValue(LanguageKey, language);
}

double AppSettings::overcommitRatio()
{
    bool ok = false;
    const double ratio = QSettings().value(OvercommitRatioKey).toDouble(&ok);
    if (!ok || !(ratio > 0))
        return DefaultOvercommitRatio;
    return std::clamp(ratio, MinOvercommitRatio, MaxOvercommitRatio);
}

void AppSettings::setOvercommitRatio(double ratio)
{
    QSettings().setValue(OvercommitRatioKey,
                         std::clamp(ratio, MinOvercommitRatio, MaxOvercommitRatio));
}
