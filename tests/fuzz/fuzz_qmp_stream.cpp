// SPDX-License-Identifier: GPL-2.0-or-later
// libFuzzer target over the QMP stream parser and message classifier: whatever bytes a
// hostile or broken monitor sends, in whatever fragments, must neither crash nor hang.
#include "qmp/qmpmessage.h"
#include "qmp/qmpstreamparser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte picks the read size, so the fragmentation is fuzzed too.
    const size_t chunk = size_t(data[0] % 64) + 1;
    ++data;
    --size;

    QmpStreamParser parser(64 * 1024);
    QByteArray json;
    QString error;
    for (size_t offset = 0; offset < size; offset += chunk) {
        const size_t n = offset + chunk <= size ? chunk : size - offset;
        parser.feed(QByteArrayView(reinterpret_cast<const char *>(data + offset), qsizetype(n)));
        for (;;) {
            const auto status = parser.next(json, error);
            if (status != QmpStreamParser::Status::Message)
                break;
            // Every extracted message is one balanced object.
            if (json.isEmpty() || json.front() != '{' || (json.back() != '}' && json.back() != ']'))
                std::abort();
            QmpMessage message;
            QString why;
            if (QmpMessage::fromJson(json, message, why) &&
                message.type == QmpMessage::Type::Event && message.name.isEmpty())
                std::abort();
        }
    }
    return 0;
}
