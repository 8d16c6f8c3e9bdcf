// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vmdefinition.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

/// One field of a VM's definition that can be changed after the VM was made.
///
/// The table of them (VmFields::all()) is shared by the compare-and-swap merge of
/// VmLibrary::update() and by `berth set`: adding a `berth set` option is adding a row
/// (with valueName, help and parse) here. A new VmDefinition member needs a row too
/// (tst_vmfields fails until it has one), else the merge would drop its changes.
struct VmField
{
    /// Stable, in English: the `berth set` option (`--cpus`) and the field's name in a
    /// conflict or in `berth set --json`.
    QString key;
    /// The option's value in `berth set --help` ("N", "MIB"); empty for an option without
    /// value (`--tpm`, whose clearOption `--no-tpm` turns it off) or a field without option.
    QString valueName;
    /// The option's help, translated through VmFields (QT_TRANSLATE_NOOP).
    const char *help = nullptr;
    /// An option without value that empties the field (`--no-cdrom`), or empty.
    QString clearOption;
    /// Another name of the option (`--nic` for `--network`), or empty.
    QString alias;
    /// The option may be given more than once: parse() gets every value, one per line.
    bool repeatable = false;

    std::function<bool(const VmDefinition &, const VmDefinition &)> same;
    /// Copies this field from the second definition into the first.
    std::function<void(VmDefinition &, const VmDefinition &)> take;
    /// Sets the field from an option's text (the clear option passes a null string, an option
    /// without value an empty one); one
    /// sentence for the user when the text is not a value of this field, else empty.
    std::function<QString(VmDefinition &, const QString &)> parse;
    /// Whether a running VM takes a change of this field at once (VmResourceControl): then
    /// `berth set` and the settings page change it while the VM runs.
    bool live = false;
};

/// The table of VmField rows and what it answers.
class VmFields final
{
    Q_DECLARE_TR_FUNCTIONS(VmFields)

public:
    static const QList<VmField> &all();
    /// The row called @p key, or null.
    static const VmField *find(const QString &key);
    /// The keys of the fields in which @p a and @p b differ.
    static QStringList differing(const VmDefinition &a, const VmDefinition &b);

    struct Merge
    {
        VmDefinition result;
        QStringList conflicts; ///< keys of fields changed on both sides to different values
    };
    /// Three-way merge: @p current (what is there now) with the fields that @p changed
    /// changes from @p base. A field both sides changed, to different values, is a
    /// conflict and keeps @p current's value.
    static Merge merge(const VmDefinition &base, const VmDefinition &changed,
                       const VmDefinition &current);
};
