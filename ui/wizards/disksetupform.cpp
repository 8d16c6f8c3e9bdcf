// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/wizards/disksetupform.h"

#include "models/disks/diskimagejob.h"
#include "models/disks/diskimageusers.h"
#include "models/vm/vmlibrary.h"
#include "ui/widgets/checkedwizardpage.h"
#include "ui/widgets/filepathedit.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;
constexpr qint64 kDefaultSize = qint64(20) * 1024 * 1024 * 1024;

QString formatSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

const QString kImageFilter = u"%1 (*.qcow2 *.img *.raw *.vmdk *.vdi *.vhdx *.qcow)"_s;

} // namespace

DiskSetupForm::DiskSetupForm(Purpose purpose, VmLibrary *library, QWidget *parent)
    : QWidget(parent)
    , m_purpose(purpose)
    , m_library(library)
    , m_infoJob(new DiskImageJob(this))
    , m_choices(new QButtonGroup(this))
    , m_uses(new QButtonGroup(this))
{
    const bool standalone = purpose == Purpose::Standalone;
    if (library)
        m_infoJob->setLibrary(library);
    const QString imageFilter = kImageFilter.arg(tr("Disk images"));

    m_create = new QRadioButton(tr("Create a &new disk image"), this);
    m_create->setObjectName(u"diskCreate"_s);
    m_size = new QDoubleSpinBox(this);
    m_size->setObjectName(u"diskSize"_s);
    m_size->setRange(0.1, 65536.0);
    m_size->setDecimals(1);
    m_size->setSuffix(tr(" GiB"));
    m_size->setValue(double(kDefaultSize) / kGiB);
    m_format = new QComboBox(this);
    m_format->setObjectName(u"diskFormat"_s);
    m_format->addItem(tr("qcow2 (snapshots, grows as needed)"), u"qcow2"_s);
    m_format->addItem(tr("raw (simplest, fastest, no snapshots)"), u"raw"_s);
    m_preallocation = new QComboBox(this);
    m_preallocation->setObjectName(u"diskPreallocation"_s);
    m_preallocation->addItem(tr("None: space is taken as the guest writes"),
                             int(DiskPreallocation::Off));
    m_preallocation->addItem(tr("Metadata: qcow2 tables written now"),
                             int(DiskPreallocation::Metadata));
    m_preallocation->addItem(tr("Reserve: all space set aside now (fast)"),
                             int(DiskPreallocation::Falloc));
    m_preallocation->addItem(tr("Full: all space written now (slow)"),
                             int(DiskPreallocation::Full));
    auto *createForm = new QFormLayout;
    createForm->addRow(tr("&Size:"), m_size);
    createForm->addRow(tr("&Format:"), m_format);
    createForm->addRow(tr("&Preallocation:"), m_preallocation);
    m_createBox = CheckedWizardPage::indented(this, createForm);

    m_existing = new QRadioButton(standalone ? tr("&Import an existing disk image")
                                             : tr("Use an &existing disk image"),
                                  this);
    m_existing->setObjectName(u"diskExisting"_s);
    m_source = new FilePathEdit(tr("Choose a Disk Image"), imageFilter, this);
    m_source->setObjectName(u"diskSource"_s);
    m_source->setPlaceholderText(tr("A qcow2, raw, vmdk, vdi or vhdx image"));
    m_inPlace = new QRadioButton(tr("Use it where it &is"), this);
    m_inPlace->setObjectName(u"diskInPlace"_s);
    m_copy = new QRadioButton(tr("&Copy it"), this);
    m_copy->setObjectName(u"diskCopy"_s);
    m_convert = new QRadioButton(tr("Con&vert it to qcow2"), this);
    m_convert->setObjectName(u"diskConvert"_s);
    m_convert->setToolTip(tr("A qcow2 copy can hold snapshots; the original stays untouched"));
    for (QRadioButton *r : {m_inPlace, m_copy, m_convert})
        m_uses->addButton(r);
    m_inPlace->setChecked(true);
    auto *uses = new QHBoxLayout;
    uses->addWidget(m_inPlace);
    uses->addWidget(m_copy);
    uses->addWidget(m_convert);
    uses->addStretch(1);
    auto *existingForm = new QVBoxLayout;
    existingForm->addWidget(m_source);
    existingForm->addLayout(uses);
    m_existingBox = CheckedWizardPage::indented(this, existingForm);

    m_sourceInfo = new QLabel(this);
    m_sourceInfo->setObjectName(u"diskSourceInfo"_s);
    m_sourceInfo->setWordWrap(true);
    m_sourceInfo->setForegroundRole(QPalette::PlaceholderText);
    m_sourceInfo->setContentsMargins(24, 0, 0, 0);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_create);
    layout->addWidget(m_createBox);
    layout->addWidget(m_existing);
    layout->addWidget(m_existingBox);
    m_choices->addButton(m_create, int(Choice::Create));
    m_choices->addButton(m_existing, int(Choice::Existing));

    if (standalone) {
        m_clone = new QRadioButton(tr("&Linked clone of a base image"), this);
        m_clone->setObjectName(u"diskClone"_s);
        m_clone->setToolTip(tr("A small qcow2 image that stores only what differs from the base "
                               "image; the base must stay unchanged afterwards"));
        m_base = new FilePathEdit(tr("Choose the Base Image"), imageFilter, this);
        m_base->setObjectName(u"diskBase"_s);
        auto *cloneForm = new QVBoxLayout;
        cloneForm->addWidget(m_base);
        m_cloneBox = CheckedWizardPage::indented(this, cloneForm);
        layout->addWidget(m_clone);
        layout->addWidget(m_cloneBox);
        m_choices->addButton(m_clone, int(Choice::LinkedClone));
    } else {
        m_none = new QRadioButton(tr("N&o disk (add one later)"), this);
        m_none->setObjectName(u"diskNone"_s);
        layout->addWidget(m_none);
        m_choices->addButton(m_none, int(Choice::None));
    }
    layout->addWidget(m_sourceInfo);

    if (standalone) {
        m_destination = new FilePathEdit(tr("Save the Disk Image As"), imageFilter, this);
        m_destination->setObjectName(u"diskDestination"_s);
        m_destination->setNewFile(true);
        auto *row = new QFormLayout;
        row->setContentsMargins(0, 8, 0, 0);
        row->addRow(tr("Save &as:"), m_destination);
        m_destinationRow = new QWidget(this);
        m_destinationRow->setLayout(row);
        layout->addWidget(m_destinationRow);
        connect(m_destination->lineEdit(), &QLineEdit::textEdited, this,
                [this] { m_destinationEdited = true; });
        connect(m_destination, &FilePathEdit::pathChanged, this, &DiskSetupForm::update);
    }
    layout->addStretch(1);
    m_create->setChecked(true);

    connect(m_choices, &QButtonGroup::idToggled, this, [this](int, bool on) {
        if (on) {
            readSource();
            suggestDestination();
            update();
        }
    });
    connect(m_uses, &QButtonGroup::idToggled, this, [this](int, bool on) {
        if (on) {
            suggestDestination();
            update();
        }
    });
    connect(m_size, &QDoubleSpinBox::valueChanged, this, [this] {
        if (!m_settingSize)
            m_sizeEdited = true;
        update();
    });
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        suggestDestination();
        update();
    });
    connect(m_preallocation, &QComboBox::currentIndexChanged, this, &DiskSetupForm::update);
    for (FilePathEdit *f : {m_source, m_base}) {
        if (f)
            connect(f, &FilePathEdit::pathChanged, this, [this] {
                readSource();
                suggestDestination();
                update();
            });
    }
    connect(m_infoJob, &DiskImageJob::finished, this, [this](const Outcome<> &outcome) {
        m_infoError = outcome ? QString() : outcome.failure().message();
        m_info = outcome ? m_infoJob->imageInfo() : DiskImageInfo();
        if (sourcePath() != m_infoPath)
            readSource(); // the user chose another image meanwhile
        suggestDestination();
        update();
    });
    update();
}

DiskSetupForm::~DiskSetupForm() = default;

DiskSetupForm::Choice DiskSetupForm::choice() const
{
    return Choice(m_choices->checkedId());
}

void DiskSetupForm::setChoice(Choice choice)
{
    if (QAbstractButton *b = m_choices->button(int(choice)))
        b->setChecked(true);
}

void DiskSetupForm::setExistingUse(ExistingUse use)
{
    (use == ExistingUse::InPlace ? m_inPlace
     : use == ExistingUse::Copy  ? m_copy
                                 : m_convert)
        ->setChecked(true);
}

void DiskSetupForm::setExistingImage(const QString &path)
{
    setChoice(Choice::Existing);
    setExistingUse(ExistingUse::InPlace);
    m_source->setPath(path);
}

void DiskSetupForm::setDestinationFolder(const QString &folder)
{
    m_destinationFolder = folder;
    suggestDestination();
    update();
}

void DiskSetupForm::setTargetVm(const VmLayout &layout)
{
    if (layout.folder() == m_targetVm.folder())
        return;
    m_targetVm = layout;
    suggestDestination();
    update();
}

void DiskSetupForm::setSuggestedSize(qint64 bytes)
{
    if (m_sizeEdited || bytes <= 0)
        return;
    m_settingSize = true;
    m_size->setValue(double(bytes) / kGiB);
    m_settingSize = false;
}

qint64 DiskSetupForm::newDiskSize() const
{
    return qint64(m_size->value() * kGiB);
}

const DiskImageInfo *DiskSetupForm::sourceInfo() const
{
    const bool read = !m_infoJob->isRunning() && m_infoError.isEmpty() && !m_infoPath.isEmpty() &&
                      m_infoPath == sourcePath();
    return read ? &m_info : nullptr;
}

QString DiskSetupForm::sourcePath() const
{
    if (choice() == Choice::Existing)
        return QDir::cleanPath(m_source->path());
    if (choice() == Choice::LinkedClone && m_base)
        return QDir::cleanPath(m_base->path());
    return {};
}

void DiskSetupForm::readSource()
{
    const QString path = sourcePath();
    const bool readable = !path.isEmpty() && path != "."_L1 &&
                          (choice() == Choice::Existing ? m_source : m_base)->problem().isEmpty();
    if (!readable || path == m_infoPath || m_infoJob->isRunning())
        return; // a running read calls back here when it ends
    m_infoPath = path;
    m_infoError.clear();
    m_info = {};
    m_infoJob->info(path);
}

DiskPlan DiskSetupForm::plan() const
{
    DiskPlan p;
    const DiskImageInfo *info = sourceInfo();
    switch (choice()) {
    case Choice::None:
        return p;
    case Choice::Create:
        p.kind = DiskPlan::Kind::Create;
        p.format = m_format->currentData().toString();
        p.sizeBytes = newDiskSize();
        p.preallocation = DiskPreallocation(m_preallocation->currentData().toInt());
        break;
    case Choice::Existing:
        p.source = sourcePath();
        p.format = info ? info->format : QString();
        if (m_inPlace->isChecked()) {
            p.kind = DiskPlan::Kind::UseExisting;
            p.path = p.source;
            p.source.clear();
            return p;
        }
        p.kind = m_copy->isChecked() ? DiskPlan::Kind::Copy : DiskPlan::Kind::Convert;
        if (p.kind == DiskPlan::Kind::Convert)
            p.format = u"qcow2"_s;
        break;
    case Choice::LinkedClone:
        p.kind = DiskPlan::Kind::LinkedClone;
        p.source = sourcePath();
        p.format = u"qcow2"_s;
        break;
    }
    if (m_destination)
        p.path = QDir::cleanPath(m_destination->path());
    else if (!p.format.isEmpty())
        p.path = VmLayout::ofFolder(m_destinationFolder).firstDiskPath(p.format);
    return p;
}

void DiskSetupForm::suggestDestination()
{
    if (!m_destination || m_destinationEdited)
        return;
    const DiskPlan p = plan();
    if (!p.writesFile() || p.format.isEmpty())
        return;
    if (!m_targetVm.isNull()) {
        m_destination->setPath(m_targetVm.newDiskPath(p.format));
        return;
    }
    // A free name in the default folder, named after the source when there is one.
    const QString folder = m_destinationFolder.isEmpty() ? QDir::homePath() : m_destinationFolder;
    QString stem = u"disk"_s;
    if (!p.source.isEmpty())
        stem = QFileInfo(p.source).completeBaseName() +
               (p.kind == DiskPlan::Kind::LinkedClone ? u"-clone"_s : u"-copy"_s);
    const QString ext = VmLayout::diskExtension(p.format);
    QString candidate = u"%1/%2.%3"_s.arg(folder, stem, ext);
    for (int n = 2; QFileInfo::exists(candidate) && n < 1000; ++n)
        candidate = u"%1/%2-%3.%4"_s.arg(folder, stem).arg(n).arg(ext);
    m_destination->setPath(candidate);
}

QString DiskSetupForm::spaceProblem(qint64 needed) const
{
    // The job's own numbers and words, so the form never passes what the job then refuses.
    const QString path = plan().path;
    if (!m_destination && m_destinationFolder.isEmpty())
        return {};
    const QString destination =
        m_destination ? path : m_destinationFolder + u"/"_s + QFileInfo(path).fileName();
    return DiskImageJob::spaceProblem(destination, needed);
}

QString DiskSetupForm::problem() const
{
    const DiskPlan p = plan();
    if (p.kind == DiskPlan::Kind::None)
        return {};
    if (p.kind == DiskPlan::Kind::Create) {
        if (p.format == "raw"_L1 && p.preallocation == DiskPreallocation::Metadata)
            return tr("A raw image has no metadata to preallocate; choose another "
                      "preallocation or qcow2.");
        if (p.preallocation == DiskPreallocation::Falloc ||
            p.preallocation == DiskPreallocation::Full) {
            DiskCreateRequest request;
            request.format = p.format;
            request.sizeBytes = p.sizeBytes;
            request.preallocation = p.preallocation;
            if (QString why = spaceProblem(DiskImageJob::spaceNeeded(request)); !why.isEmpty())
                return why;
        }
    } else {
        FilePathEdit *source = choice() == Choice::Existing ? m_source : m_base;
        if (source->path().isEmpty())
            return choice() == Choice::Existing ? tr("Choose the disk image to use.")
                                                : tr("Choose the base image to clone.");
        if (QString why = source->problem(); !why.isEmpty())
            return why;
        if (m_infoJob->isRunning() || m_infoPath != sourcePath())
            return tr("Reading %1…").arg(QFileInfo(sourcePath()).fileName());
        if (!m_infoError.isEmpty())
            return tr("%1 cannot be used: %2").arg(QFileInfo(sourcePath()).fileName(), m_infoError);
        if (m_library) {
            const QString running = DiskImageUsers::runningVmUsing(sourcePath(), *m_library);
            if (!running.isEmpty())
                return tr("“%1” is running with %2; shut it down first.")
                    .arg(running, QFileInfo(sourcePath()).fileName());
        }
        if (p.kind == DiskPlan::Kind::Copy || p.kind == DiskPlan::Kind::Convert) {
            if (QString why = spaceProblem(DiskImageJob::spaceNeeded(m_info)); !why.isEmpty())
                return why;
        }
    }
    if (p.writesFile() && m_destination) {
        if (m_destination->path().isEmpty())
            return tr("Choose where to save the new image.");
        if (QString why = m_destination->problem(); !why.isEmpty())
            return why;
    }
    return {};
}

void DiskSetupForm::update()
{
    const Choice c = choice();
    m_createBox->setEnabled(c == Choice::Create);
    m_existingBox->setEnabled(c == Choice::Existing);
    if (m_cloneBox)
        m_cloneBox->setEnabled(c == Choice::LinkedClone);
    const DiskPlan p = plan();
    if (m_destinationRow)
        m_destinationRow->setVisible(p.writesFile());
    m_preallocation->setEnabled(c == Choice::Create);

    QString info;
    if (const DiskImageInfo *i = sourceInfo()) {
        info = tr("%1 image · %2 for the guest · %3 on disk")
                   .arg(i->format, formatSize(i->virtualSize), formatSize(i->chainActualSize));
        if (i->hasBacking())
            info += u" · "_s + tr("backed by %1").arg(i->fullBackingFile);
    }
    m_sourceInfo->setText(info);
    m_sourceInfo->setVisible(!info.isEmpty() &&
                             (c == Choice::Existing || c == Choice::LinkedClone));
    Q_EMIT changed();
}
