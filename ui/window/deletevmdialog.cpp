// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/window/deletevmdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

DeleteVmDialog::DeleteVmDialog(const VmEntry &entry, const QString &imagesFolder, QWidget *parent)
    : QDialog(parent)
    , m_folder(entry.folder)
{
    setObjectName(u"confirmDelete"_s);
    setWindowTitle(tr("Delete Virtual Machine"));

    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize));
    auto *title =
        new QLabel(u"<b>%1</b>"_s.arg(tr("Delete “%1”?").arg(entry.name().toHtmlEscaped())), this);
    title->setObjectName(u"deleteTitle"_s);
    title->setWordWrap(true);
    auto *what = new QLabel(tr("Its folder %1 is removed with everything Berth keeps there: "
                               "settings, logs and snapshot records. This cannot be undone.")
                                .arg(QDir::toNativeSeparators(entry.folder)),
                            this);
    what->setObjectName(u"deleteWhat"_s);
    what->setWordWrap(true);
    what->setTextFormat(Qt::PlainText);
    what->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *disks = new QGroupBox(tr("Disk images"), this);
    disks->setObjectName(u"deleteDisks"_s);
    auto *diskLayout = new QVBoxLayout(disks);
    int index = 0;
    for (const VmDisk &disk : entry.definition.disks) {
        const QFileInfo fi(disk.path);
        const bool ours = entry.isCreatedByBerth(disk);
        const QString size =
            fi.exists() ? QLocale().formattedDataSize(fi.size(), 1, QLocale::DataSizeIecFormat)
                        : tr("missing");
        auto *box = new QCheckBox(
            ours ? tr("Delete %1 (%2) — created by Berth").arg(fi.fileName(), size)
                 : tr("Keep %1 (%2) — brought in, never deleted").arg(fi.fileName(), size),
            disks);
        box->setObjectName(u"deleteDisk%1"_s.arg(index++));
        box->setChecked(ours);
        box->setEnabled(ours && fi.exists());
        box->setToolTip(ours ? QDir::toNativeSeparators(disk.path)
                             : tr("%1\nBerth did not create this image: deleting the VM "
                                  "only detaches it.")
                                   .arg(QDir::toNativeSeparators(disk.path)));
        diskLayout->addWidget(box);
        m_disks.append({box, disk.path});
    }
    if (entry.definition.disks.isEmpty()) {
        auto *none =
            new QLabel(entry.isBroken() ? tr("Its definition cannot be read, so its disks are not "
                                             "known: images in its folder are kept.")
                                        : tr("It has no disk images."),
                       disks);
        none->setWordWrap(true);
        diskLayout->addWidget(none);
    }
    auto *kept = new QLabel(tr("Images kept from its folder are moved to %1.")
                                .arg(QDir::toNativeSeparators(imagesFolder)),
                            disks);
    kept->setObjectName(u"deleteKeptWhere"_s);
    kept->setWordWrap(true);
    kept->setForegroundRole(QPalette::PlaceholderText);
    diskLayout->addWidget(kept);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *confirm = buttons->addButton(tr("&Delete"), QDialogButtonBox::DestructiveRole);
    confirm->setObjectName(u"confirmButton"_s);
    confirm->setAutoDefault(false);
    QPushButton *cancel = buttons->button(QDialogButtonBox::Cancel);
    cancel->setDefault(true); // Enter must not destroy anything
    cancel->setFocus();
    connect(confirm, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(what);
    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(disks);
    layout->addWidget(buttons);
    // Room for a path and a sentence without cramping; never wider than the text needs.
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
}

DeleteVmDialog::~DeleteVmDialog() = default;

QStringList DeleteVmDialog::disksToDelete() const
{
    QStringList paths;
    for (const auto &[box, path] : m_disks) {
        if (box->isChecked() && box->isEnabled())
            paths << path;
    }
    return paths;
}
