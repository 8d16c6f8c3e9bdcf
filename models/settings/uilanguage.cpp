// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/settings/uilanguage.h"

#include "models/settings/appsettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr auto ResourceFolder = ":/i18n"_L1;

} // namespace

QLocale UiLanguage::chosenLocale()
{
    const QString language = AppSettings::language();
    return language.isEmpty() ? QLocale::system() : QLocale(language);
}

void UiLanguage::install(QCoreApplication *app)
{
    const QLocale locale = chosenLocale();
    QLocale::setDefault(locale);
    // QTranslator::load(QLocale, ...) tries each of the locale's UI languages in order
    // (LANGUAGE=zh_CN:en, then LANG).
    auto *qt = new QTranslator(app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    // Without a translation for the locale, English, whose .qm holds only its plural forms.
    auto *berth = new QTranslator(app);
    if (berth->load(locale, u"berth"_s, u"_"_s, ResourceFolder) ||
        berth->load(u"berth_en"_s, ResourceFolder))
        QCoreApplication::installTranslator(berth);
    else
        delete berth;
}

QStringList UiLanguage::available()
{
    QStringList names{u"en"_s};
    const QStringList files = QDir(ResourceFolder).entryList({u"berth_*.qm"_s}, QDir::Files);
    for (const QString &file : files) {
        const QString name = file.mid(6, file.size() - 6 - 3); // berth_<locale>.qm
        if (!names.contains(name))
            names << name;
    }
    return names;
}

QString UiLanguage::nativeName(const QString &localeName)
{
    const QLocale locale(localeName);
    if (locale.language() == QLocale::English)
        return u"English"_s;
    if (locale.language() == QLocale::Chinese &&
        locale.script() != QLocale::TraditionalChineseScript)
        return u"简体中文"_s;
    return locale.nativeLanguageName();
}
