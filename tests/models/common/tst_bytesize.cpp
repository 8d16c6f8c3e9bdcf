// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/common/bytesize.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestByteSize final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("bytes");
        QTest::newRow("plain") << u"4096"_s << qint64(4096);
        QTest::newRow("K") << u"64K"_s << qint64(64) * 1024;
        QTest::newRow("M lower") << u"512m"_s << qint64(512) * 1024 * 1024;
        QTest::newRow("G") << u"20G"_s << qint64(20) * 1024 * 1024 * 1024;
        QTest::newRow("GiB") << u"1.5GiB"_s << qint64(1536) * 1024 * 1024;
        QTest::newRow("TB spaced") << u" 2 TB "_s << qint64(2) * 1024 * 1024 * 1024 * 1024;
        QTest::newRow("invalid") << u"lots"_s << qint64(-1);
        QTest::newRow("negative") << u"-5G"_s << qint64(-1);
        QTest::newRow("zero") << u"0"_s << qint64(-1);
        QTest::newRow("unknown unit") << u"5X"_s << qint64(-1);
        QTest::newRow("huge") << u"99999999P"_s << qint64(-1);
    }

    void parses()
    {
        QFETCH(QString, text);
        QFETCH(qint64, bytes);
        const std::optional<qint64> got = parseByteSize(text);
        QCOMPARE(got.value_or(-1), bytes);
    }
};

QTEST_GUILESS_MAIN(TestByteSize)
#include "tst_bytesize.moc"
