// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/common/filelock.h"
#include "models/common/outcome.h"
#include "models/vm/vmdefinition.h"
#include "models/vm/vmlayout.h"

#include <QList>
#include <QObject>
#include <QString>

/// One folder of the library: a readable definition, or the reason it is not.
struct VmEntry
{
    QString folder; ///< absolute path of the VM's folder
    VmDefinition definition;
    QString brokenReason; ///< empty when the definition loaded

    bool isBroken() const { return !brokenReason.isEmpty(); }
    /// The VM's name, or its folder's name when broken.
    QString name() const;
    /// Its paths (a broken VM's have no runtime folder: its uuid is unknown).
    VmLayout layout() const;
    /// Whether Berth made @p disk for this VM: recorded in vm.json (VmDisk::createdByBerth),
    /// or, for definitions older than that record, an image directly in the VM's folder.
    bool isCreatedByBerth(const VmDisk &disk) const;
};

/// The VMs on disk: one folder per VM under a root, each with a `vm.json`.
///
/// Writes are atomic and durable: the new file is written beside the old one, synced,
/// renamed over it, and the folder is synced; the previous version stays as
/// `vm.json.bak`. A definition that cannot be read (corrupt, unreadable, written by a
/// newer Berth) is listed as broken with the reason and is never written over.
class VmLibrary final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VmLibrary)

public:
    explicit VmLibrary(QString root, QObject *parent = nullptr);
    ~VmLibrary() override;

    /// $XDG_DATA_HOME/berth: where the library is when nothing else says (the library
    /// Berth uses is AppSettings::libraryRoot()).
    static QString standardRoot();

    QString root() const { return m_root; }
    /// root()/images: where disk images that belong to no VM go unless the user says
    /// otherwise.
    QString imagesFolder() const;

    /// Reads every VM folder. Fails only when the root itself cannot be created or listed;
    /// a broken VM is an entry, not a failure.
    Outcome<> reload();
    const QList<VmEntry> &entries() const { return m_entries; }
    /// By name; broken entries are found by their folder name. Null when absent.
    const VmEntry *find(const QString &name) const;

    /// The folder create() would give a VM named @p name now: root()/<name>, or
    /// <name>-2, <name>-3... when a leftover folder has that name.
    QString folderFor(const QString &name) const;
    /// A new hidden folder in root() (".new-vm-<random>", never listed as a VM) in which a
    /// VM's files are made before create() moves it into place.
    Outcome<QString> makeStagingFolder() const;

    /// Validates, assigns a uuid when missing, and adds the VM: its folder (folderFor()) with
    /// vm.json. With @p stagedFolder (from makeStagingFolder(), holding what was made for
    /// the VM) vm.json is written there and the folder is renamed into place in one step,
    /// never over another: the VM appears complete or not at all. Disks directly in
    /// @p stagedFolder get their path in the VM's folder (in @p definition too). On failure
    /// @p stagedFolder is left as it was. Fails when the name is invalid or taken.
    Outcome<> create(VmDefinition &definition, const QString &stagedFolder = {});
    /// Replaces the definition of the VM with the same uuid (atomic, keeps vm.json.bak).
    /// Refuses to write over a broken entry or to take another VM's name. A blind write:
    /// whoever changes a VM someone else may change meanwhile uses update().
    Outcome<> save(const VmDefinition &definition);
    /// Changes the VM @p uuid, compare-and-swap: @p changed is @p base (the definition the
    /// caller started from) with the caller's edits. Under an exclusive lock on the VM's
    /// folder (flock, held by every writer of vm.json), reads vm.json again, takes from
    /// @p changed only the fields (VmFields) that differ from @p base, keeps all others as
    /// they are on disk now, validates and writes atomically as save() does. A field that
    /// was changed on disk since @p base to another value than the caller's is a conflict:
    /// nothing is written and the failure names the fields. The settings page's Apply,
    /// Add Disk and `berth set` write through here. Returns what was written.
    Outcome<VmDefinition> update(const QUuid &uuid, const VmDefinition &base,
                                 const VmDefinition &changed);
    /// Deletes the VM called @p name and its whole folder. Refused while other VMs are
    /// linked clones of it (VmDefinition::linkedClones, VmDisk::backing). Of its disks, those in
    /// @p deleteDisks are deleted; each must be one of its disks made by Berth
    /// (VmEntry::isCreatedByBerth) and used by no other VM of the library. The others are
    /// kept: those in the VM's folder are moved to imagesFolder() first (their new paths are
    /// returned), those elsewhere stay where they are. A broken VM's images (its disks are
    /// unknown) are all kept that way, and so is every file in the folder that Berth does not
    /// make for a VM (VmLayout names those). Refused, with nothing touched, while a process
    /// has a file of the VM's folder open (its QEMU, even for a broken definition). A failure
    /// part-way puts back what was moved. The Delete dialog and `berth delete` both use this.
    Outcome<QStringList> removeWithDisks(const QString &name, const QStringList &deleteDisks);
    /// The name of a VM other than the one in @p exceptFolder that uses the image @p path
    /// (compared by canonical path: a symbolic link does not hide it), or empty. A broken VM
    /// is taken to use every file in its folder.
    QString otherVmUsing(const QString &path, const QString &exceptFolder) const;

    /// Creates @p path (and its parents) when missing, with mode 0700; an existing folder
    /// keeps its mode.
    static bool makePrivateFolder(const QString &path);

    /// Writes @p data to @p path atomically and durably (see the class comment), mode 0600.
    static Outcome<> writeFileAtomically(const QString &path, const QByteArray &data);

Q_SIGNALS:
    /// Entries were added, removed or changed.
    void changed();

private:
    VmEntry loadFolder(const QString &folder) const;
    /// Waits for the library's lock (<root>/.library.lock, across processes): one create
    /// or delete at a time.
    FileLock lockLibrary() const;
    VmEntry *entryOf(const QUuid &uuid);
    /// What is in @p target's vm.json now, read under its folder's lock (@p lockError: why
    /// the lock could not be taken, or empty), when it may be written over.
    Outcome<VmDefinition> readLocked(const VmEntry &target, const QString &lockError) const;
    /// Validates @p definition and writes it into @p target's folder, which the caller has
    /// locked; updates the entry.
    Outcome<> writeLocked(VmEntry &target, const VmDefinition &definition);
    /// Why @p vm cannot be deleted now: other VMs' disks are linked clones of its disks (they
    /// name one as their backing, or @p vm lists them in linkedClones). Empty when it can.
    QString linkedClonesRefusal(const VmEntry &vm) const;
    /// After the VM @p clone is gone: the VMs it was a linked clone of no longer list it.
    void forgetLinkedClone(const VmEntry &clone);
    Outcome<> adopt(VmDefinition &definition, const QString &staged);

    QString m_root;
    QList<VmEntry> m_entries;
};
