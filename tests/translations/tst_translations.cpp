// SPDX-License-Identifier: GPL-2.0-or-later
// Every user-visible string has a finished translation. lupdate runs over the sources into a
// copy of each checked-in .ts file (exactly what `cmake --build ... --target
// update_translations` would write), and every entry that is unfinished, empty, misses a
// plural form or drops a placeholder (%1, %n) is listed.

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Entry
{
    QString context;
    QString source;
    QString type; ///< the <translation type="..."> attribute: "", unfinished, vanished, obsolete
    bool numerus = false;
    QStringList forms; ///< the translation, or each <numerusform>
};

QList<Entry> readTs(const QString &path, QString *language, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Entry> entries;
    QXmlStreamReader xml(&file);
    QString context;
    Entry entry;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == "translation"_L1) {
            entries << entry; // a numerus translation ends after its forms
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == "TS"_L1) {
            *language = xml.attributes().value("language"_L1).toString();
        } else if (name == "name"_L1) {
            context = xml.readElementText();
        } else if (name == "message"_L1) {
            entry = Entry{context, {}, {}, xml.attributes().value("numerus"_L1) == "yes"_L1, {}};
        } else if (name == "source"_L1) {
            entry.source = xml.readElementText();
        } else if (name == "translation"_L1) {
            entry.type = xml.attributes().value("type"_L1).toString();
            if (!entry.numerus) {
                entry.forms << xml.readElementText(); // consumes the end tag
                entries << entry;
            }
        } else if (name == "numerusform"_L1) {
            entry.forms << xml.readElementText();
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return entries;
}

/// Plural forms per language, as Qt Linguist writes them (Chinese has one).
int pluralForms(const QString &language)
{
    if (language.startsWith("zh"_L1) || language.startsWith("ja"_L1))
        return 1;
    return 2;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(u"%(\\d+|n)"_s);
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured(0);
    found.sort();
    found.removeDuplicates();
    return found;
}

} // namespace

class TstTranslations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void complete_data()
    {
        QTest::addColumn<QString>("tsFile");
        QTest::addColumn<bool>("pluralOnly");
        const QStringList files = QStringLiteral(BERTH_TS_FILES).split(u';', Qt::SkipEmptyParts);
        QVERIFY(!files.isEmpty());
        for (const QString &f : files)
            QTest::newRow(qPrintable(f.section(u'/', -1))) << f << false;
        // The source language's own plural forms ("%n VM(s)" -> "1 VM", "2 VMs").
        const QStringList plural =
            QStringLiteral(BERTH_PLURAL_TS_FILES).split(u';', Qt::SkipEmptyParts);
        for (const QString &f : plural)
            QTest::newRow(qPrintable(f.section(u'/', -1))) << f << true;
    }

    void complete()
    {
        QFETCH(QString, tsFile);
        QFETCH(bool, pluralOnly);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(tsFile.section(u'/', -1));
        QVERIFY(QFile::copy(tsFile, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        QStringList arguments{u"-locations"_s, u"none"_s, u"-no-obsolete"_s};
        if (pluralOnly)
            arguments << u"-pluralonly"_s;
        arguments << u"@"_s + QStringLiteral(BERTH_SOURCES_LIST) << u"-ts"_s << copy;
        lupdate.start(QStringLiteral(BERTH_LUPDATE), arguments);
        QVERIFY2(lupdate.waitForFinished(100000), "lupdate did not finish");
        const QString output = QString::fromLocal8Bit(lupdate.readAll());
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
                 qPrintable(output));
        // "tr() cannot be called without context" and the like: such strings never reach
        // the .ts file, so they would stay English without anyone noticing.
        QStringList warnings;
        for (const QString &line : output.split(u'\n', Qt::SkipEmptyParts)) {
            if (line.contains("without context"_L1) || line.contains("Discarding"_L1) ||
                line.contains("lacks Q_OBJECT"_L1))
                warnings << line.trimmed();
        }
        QVERIFY2(warnings.isEmpty(), qPrintable(u"lupdate could not read these strings:\n  "_s +
                                                warnings.join("\n  "_L1)));

        QString language;
        QString error;
        const QList<Entry> entries = readTs(copy, &language, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!language.isEmpty());
        QVERIFY(pluralOnly || !entries.isEmpty());

        QStringList problems;
        const int forms = pluralForms(language);
        for (const Entry &e : entries) {
            if (e.type == "vanished"_L1 || e.type == "obsolete"_L1)
                continue;
            const QString where = e.context + u": \""_s + e.source + u'"';
            if (e.type == "unfinished"_L1) {
                problems << where + u" is not translated"_s;
                continue;
            }
            if (e.numerus && e.forms.size() != forms) {
                problems << where + u" has %1 plural forms, %2 needs %3"_s.arg(e.forms.size())
                                        .arg(language)
                                        .arg(forms);
                continue;
            }
            for (const QString &form : e.forms) {
                if (form.trimmed().isEmpty()) {
                    problems << where + u" has an empty translation"_s;
                } else if (placeholders(form) != placeholders(e.source)) {
                    problems << where + u" keeps %1 but the translation \"%2\" has %3"_s.arg(
                                            placeholders(e.source).join(u' '), form,
                                            placeholders(form).join(u' '));
                }
            }
        }
        QVERIFY2(problems.isEmpty(),
                 qPrintable(u"%1 of %2 strings in %3 need work (run the update_translations "
                            "target and translate them):\n  "_s.arg(problems.size())
                                .arg(entries.size())
                                .arg(language) +
                            problems.join("\n  "_L1)));
    }
};

QTEST_GUILESS_MAIN(TstTranslations)
#include "tst_translations.moc"
