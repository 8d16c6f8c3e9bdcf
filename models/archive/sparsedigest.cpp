// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/archive/sparsedigest.h"

#include <QDataStream>
#include <QIODevice>

SparseDigest::SparseDigest()
    : m_hash(QCryptographicHash::Blake2b_256)
{}

void SparseDigest::add(qint64 offset, QByteArrayView block)
{
    if (block.isEmpty())
        return;
    m_hash.addData(block);
    const qint64 end = offset + block.size();
    if (!m_runs.isEmpty() && m_runs.last() == offset)
        m_runs.last() = end;
    else
        m_runs << offset << end;
}

QString SparseDigest::result(qint64 size)
{
    QByteArray layout;
    QDataStream stream(&layout, QIODevice::WriteOnly);
    stream << size << m_runs;
    m_hash.addData(layout);
    return QString::fromLatin1(m_hash.result().toHex());
}
