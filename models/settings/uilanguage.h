// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

/// The language Berth's text is shown in: the system's, or the override in Preferences
/// (AppSettings::language()).
///
/// Berth's translations are compiled into the executable under `:/i18n/berth_<locale>.qm`;
/// Qt's own (dialog buttons, context menus) come from Qt's translations folder.
class UiLanguage final
{
public:
    /// The locale the user asked for: the override when set, the system locale otherwise.
    static QLocale chosenLocale();

    /// Makes chosenLocale() the default QLocale (numbers, sizes, dates) and installs Qt's and
    /// Berth's translators for it on @p app. English needs no translator. Takes effect for
    /// text created afterwards, so main() calls it before building any window.
    static void install(QCoreApplication *app);

    /// Locale names Berth has a translation for, "en" first (the source language).
    static QStringList available();

    /// A language's own name for itself ("English", "简体中文").
    static QString nativeName(const QString &localeName);
};
