#include "ui/csv/CsvImportDialog.h"

#include "models/csv/Csv.h"
#include "models/store/ConsoleStore.h"
#include "ui/shell/FutureWatch.h"
#include "ui/shell/Tones.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace slotdesk {

namespace {

// Store progress reaches this value when all rows are written and only the commit is left;
// from then on a cancel could no longer be honoured.
constexpr int kCommitProgress = 95;

QFuture<ConsoleStore::ImportReport> runImport(ConsoleStore &store, CsvKind kind,
                                              const QByteArray &data, bool dryRun) {
    return kind == CsvKind::Centres ? store.importCentresCsv(data, dryRun)
                                    : store.importHoursCsv(data, dryRun);
}

} // namespace

struct CsvImportDialog::LoadedFile {
    QString path;
    QByteArray data;
    QString readError;
    CsvParseResult parsed;
};

CsvImportDialog::CsvImportDialog(ConsoleStore &store, CsvKind kind, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_kind(kind) {
    setObjectName(QStringLiteral("csvImportDialog"));
    setWindowTitle(kind == CsvKind::Centres ? tr("Import centres") : tr("Import opening hours"));
    resize(880, 560);

    auto *chooseButton = new QPushButton(tr("&Choose file\u2026"), this);
    chooseButton->setObjectName(QStringLiteral("chooseFileButton"));
    chooseButton->setAutoDefault(false);
    m_fileLabel = new QLabel(tr("No file chosen."), this);
    m_fileLabel->setObjectName(QStringLiteral("fileLabel"));
    m_fileLabel->setTextFormat(Qt::PlainText);
    m_fileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);

    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("previewTable"));
    m_table->setAccessibleName(tr("Preview of the file"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->verticalHeader()->setToolTip(tr("Line in the file"));

    auto *errorsLabel = new QLabel(tr("&Problems:"), this);
    m_errorsLabel = errorsLabel;
    m_errors = new QListWidget(this);
    m_errors->setObjectName(QStringLiteral("errorList"));
    m_errors->setAccessibleName(tr("Problems"));
    errorsLabel->setBuddy(m_errors);
    auto *errorsPane = new QWidget(this);
    auto *errorsLayout = new QVBoxLayout(errorsPane);
    errorsLayout->setContentsMargins(0, 0, 0, 0);
    errorsLayout->addWidget(errorsLabel);
    errorsLayout->addWidget(m_errors);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(errorsPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *buttons = new QDialogButtonBox(this);
    m_importButton = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    QPushButton *closeButton = buttons->addButton(QDialogButtonBox::Close);
    closeButton->setObjectName(QStringLiteral("closeButton"));

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(chooseButton);
    fileRow->addWidget(m_fileLabel, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(fileRow);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);

    connect(chooseButton, &QPushButton::clicked, this, &CsvImportDialog::chooseFile);
    connect(m_importButton, &QPushButton::clicked, this, &CsvImportDialog::startImport);
    connect(closeButton, &QPushButton::clicked, this, &QDialog::reject);
    // Choosing a problem shows its row in the preview.
    connect(m_errors, &QListWidget::currentRowChanged, this, [this](int index) {
        const int line =
            m_errors->item(index) ? m_errors->item(index)->data(Qt::UserRole).toInt() : 0;
        const int row = static_cast<int>(m_rowLines.indexOf(line));
        if (row >= 0) {
            m_table->selectRow(row);
            m_table->scrollToItem(m_table->item(row, 0));
        }
    });
    setCanImport(false);
}

void CsvImportDialog::chooseFile() {
    auto *dialog = new QFileDialog(this, tr("Choose a CSV file"), QDir::homePath(),
                                   tr("CSV files (*.csv *.txt);;All files (*)"));
    dialog->setObjectName(QStringLiteral("importFileDialog"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &CsvImportDialog::loadFile);
    dialog->open();
}

void CsvImportDialog::loadFile(const QString &path) {
    const quint64 generation = ++m_generation;
    m_data.clear();
    setCanImport(false);
    m_fileLabel->setText(QDir::toNativeSeparators(path));
    m_table->clear();
    m_table->setRowCount(0);
    m_table->setColumnCount(0);
    m_errors->clear();
    m_errorsLabel->setText(tr("&Problems:"));
    showSummary(tr("Reading the file\u2026"), Tone::Info);
    // Reading and parsing happen off the UI thread: files from network shares can be slow.
    QFuture<LoadedFile> loaded = QtConcurrent::run([path] {
        LoadedFile file;
        file.path = path;
        QFile in(path);
        if (!in.open(QIODevice::ReadOnly)) {
            file.readError = in.errorString();
            return file;
        }
        file.data = in.readAll();
        if (in.error() != QFileDevice::NoError)
            file.readError = in.errorString();
        else
            file.parsed = parseCsv(file.data);
        return file;
    });
    whenFinished(this, loaded,
                 [this, generation](const LoadedFile &file) { showLoaded(file, generation); });
}

void CsvImportDialog::showLoaded(const LoadedFile &file, quint64 generation) {
    if (generation != m_generation)
        return; // another file was chosen meanwhile
    if (!file.readError.isEmpty()) {
        showSummary(tr("The file %1 cannot be read: %2. Nothing was imported.")
                        .arg(QDir::toNativeSeparators(file.path), file.readError),
                    Tone::Problem);
        Q_EMIT previewReady(false);
        return;
    }
    if (!file.parsed.ok()) {
        showRowErrors({{file.parsed.errorLine, {}, file.parsed.error}});
        showSummary(tr("The file is not a readable CSV file (line %1: %2). Save it from the "
                       "spreadsheet again as \"CSV UTF-8\" and choose it again.")
                        .arg(file.parsed.errorLine)
                        .arg(file.parsed.error),
                    Tone::Problem);
        Q_EMIT previewReady(false);
        return;
    }
    showPreviewTable(file.parsed.table);
    showSummary(tr("Checking the file\u2026"), Tone::Info);
    const QByteArray content = file.data;
    whenFinished(
        this, runImport(m_store, m_kind, content, true),
        [this, generation, content](const ConsoleStore::ImportReport &report) {
            if (generation != m_generation)
                return;
            showRowErrors(report.rowErrors);
            if (report.ok()) {
                m_data = content;
                showSummary(
                    (m_kind == CsvKind::Centres
                         ? tr("No problems found. Importing adds %1 new centres and updates %2.")
                         : tr("No problems found. Importing replaces the opening hours of %1 "
                              "centres (%2 of them already have hours)."))
                        .arg(m_kind == CsvKind::Centres ? report.inserted
                                                        : report.inserted + report.updated)
                        .arg(report.updated),
                    Tone::Success);
            } else if (!report.error.ok()) {
                showSummary(tr("The file cannot be checked: %1").arg(report.error.message),
                            Tone::Problem);
            } else {
                showSummary(tr("Problems found: %1. Correct the file and choose it again; "
                               "nothing is imported until every row is valid.")
                                .arg(report.rowErrors.size()),
                            Tone::Problem);
            }
            setCanImport(report.ok());
            Q_EMIT previewReady(report.ok());
        });
}

void CsvImportDialog::showPreviewTable(const CsvTable &table) {
    m_rowLines = table.lines;
    m_table->setColumnCount(static_cast<int>(table.header.size()));
    m_table->setHorizontalHeaderLabels(table.header);
    m_table->setRowCount(static_cast<int>(table.rows.size()));
    QStringList lineLabels;
    for (int row = 0; row < table.rows.size(); ++row) {
        lineLabels.append(QString::number(table.lines.value(row)));
        const QStringList &fields = table.rows.at(row);
        for (int column = 0; column < fields.size() && column < table.header.size(); ++column) {
            // Multi-line cells (quoted line breaks) stay readable in one row.
            auto *item = new QTableWidgetItem(QString(fields.at(column)).replace(u'\n', u' '));
            item->setToolTip(fields.at(column));
            m_table->setItem(row, column, item);
        }
        for (int column = static_cast<int>(fields.size()); column < table.header.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem);
    }
    m_table->setVerticalHeaderLabels(lineLabels);
    m_table->resizeColumnsToContents();
    for (int column = 0; column < m_table->columnCount(); ++column)
        m_table->setColumnWidth(column, std::min(m_table->columnWidth(column), 220));
}

void CsvImportDialog::showRowErrors(const QList<RowError> &errors) {
    m_errors->clear();
    const QPalette palette = m_table->palette();
    const QColor errorRow = tones::tint(tones::errorAccent(), palette, 0.18);
    const QColor errorCell = tones::tint(tones::errorAccent(), palette, 0.4);
    for (const RowError &error : errors) {
        const QString where =
            error.line > 0
                ? (error.column.isEmpty() ? tr("Line %1").arg(error.line)
                                          : tr("Line %1, %2").arg(error.line).arg(error.column))
                : (error.column.isEmpty() ? tr("File") : error.column);
        auto *item = new QListWidgetItem(where % QStringLiteral(": ") % error.message, m_errors);
        item->setData(Qt::UserRole, error.line);
        item->setForeground(tones::inkOnBase(tones::errorAccent(), m_errors->palette()));

        const int row = static_cast<int>(m_rowLines.indexOf(error.line));
        if (row < 0)
            continue;
        for (int column = 0; column < m_table->columnCount(); ++column) {
            QTableWidgetItem *cell = m_table->item(row, column);
            if (!cell)
                continue;
            const QString header = m_table->horizontalHeaderItem(column)->text().trimmed();
            const bool isColumn =
                !error.column.isEmpty() && header.compare(error.column, Qt::CaseInsensitive) == 0;
            if (isColumn || cell->background().color() != errorCell) {
                const QColor background = isColumn ? errorCell : errorRow;
                cell->setBackground(background);
                cell->setForeground(tones::readableOn(background, palette));
            }
            cell->setToolTip(error.message);
        }
        if (QTableWidgetItem *header = m_table->verticalHeaderItem(row))
            header->setForeground(tones::inkOnWindow(tones::errorAccent(), palette));
    }
    m_errorsLabel->setText(m_errors->count() == 0 ? tr("&Problems: none")
                                                  : tr("&Problems: %1").arg(m_errors->count()));
}

void CsvImportDialog::showSummary(const QString &text, Tone tone) {
    m_summary->setText(text);
    const QPalette palette = m_summary->palette();
    switch (tone) {
    case Tone::Info:
        m_summary->setStyleSheet(
            tones::noticeStyleSheet(palette.color(QPalette::Highlight), palette));
        break;
    case Tone::Success:
        m_summary->setStyleSheet(tones::noticeStyleSheet(tones::successAccent(), palette));
        break;
    case Tone::Problem:
        m_summary->setStyleSheet(tones::noticeStyleSheet(tones::errorAccent(), palette));
        break;
    }
}

void CsvImportDialog::setCanImport(bool can) {
    m_canImport = can;
    m_importButton->setEnabled(can && !m_importing);
    m_importButton->setDefault(can);
}

void CsvImportDialog::startImport() {
    if (!m_canImport || m_importing)
        return;
    m_importing = true;
    setCanImport(false);
    showSummary(tr("Importing\u2026"), Tone::Info);

    auto *progress =
        new QProgressDialog(tr("Importing the file\u2026"), tr("Cancel"), 0, 100, this);
    progress->setObjectName(QStringLiteral("importProgress"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(0);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setValue(0);

    auto *watcher = new QFutureWatcher<ConsoleStore::ImportReport>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, progress, [progress](int value) {
        progress->setValue(value);
        // Past this point the store commits; a cancel could not stop it any more.
        if (value >= kCommitProgress)
            progress->setCancelButton(nullptr);
    });
    connect(progress, &QProgressDialog::canceled, watcher, [watcher] { watcher->cancel(); });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, progress] {
        const QFuture<ConsoleStore::ImportReport> future = watcher->future();
        watcher->deleteLater();
        progress->hide();
        progress->deleteLater();
        m_importing = false;
        if (future.isCanceled() || future.resultCount() == 0) {
            showSummary(tr("The import was cancelled. Nothing was imported."), Tone::Problem);
            setCanImport(!m_data.isEmpty());
            Q_EMIT importFinished(false);
            return;
        }
        const ConsoleStore::ImportReport report = future.result();
        if (report.ok()) {
            showSummary(tr("Import complete: %1 added, %2 updated.")
                            .arg(report.inserted)
                            .arg(report.updated),
                        Tone::Success);
            m_data.clear();
            Q_EMIT importFinished(true);
            return;
        }
        // The data changed since the preview (e.g. a centre was added meanwhile).
        showRowErrors(report.rowErrors);
        showSummary(
            report.error.ok()
                ? tr("The import was refused. Nothing was imported.")
                : tr("The import failed: %1 Nothing was imported.").arg(report.error.message),
            Tone::Problem);
        Q_EMIT importFinished(false);
    });
    watcher->setFuture(runImport(m_store, m_kind, m_data, false));
    progress->open();
}

QFuture<QString> exportCsvToFile(ConsoleStore &store, CsvKind kind, const QString &path) {
    QFuture<Stored<QByteArray>> data =
        kind == CsvKind::Centres ? store.exportCentresCsv() : store.exportHoursCsv();
    // Writing runs on the global pool, not on the store's single thread, so a slow disk does not
    // hold up other store calls.
    return data.then(QtFuture::Launch::Async, [path](const Stored<QByteArray> &result) -> QString {
        if (result.error)
            return result.error.message;
        const QString where = QDir::toNativeSeparators(path);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return CsvImportDialog::tr("The file %1 cannot be written: %2")
                .arg(where, file.errorString());
        if (file.write(result.value) != result.value.size()) {
            const QString error = file.errorString();
            file.cancelWriting();
            return CsvImportDialog::tr("The file %1 cannot be written: %2").arg(where, error);
        }
        if (!file.commit())
            return CsvImportDialog::tr("The file %1 cannot be written: %2")
                .arg(where, file.errorString());
        return {};
    });
}

void exportCsv(ConsoleStore &store, CsvKind kind, QWidget *parent) {
    const QString suggested = kind == CsvKind::Centres ? QStringLiteral("centres.csv")
                                                       : QStringLiteral("opening-hours.csv");
    auto *dialog =
        new QFileDialog(parent,
                        kind == CsvKind::Centres ? CsvImportDialog::tr("Export centres")
                                                 : CsvImportDialog::tr("Export opening hours"),
                        QDir::home().filePath(suggested), CsvImportDialog::tr("CSV files (*.csv)"));
    dialog->setObjectName(QStringLiteral("exportFileDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(
        dialog, &QFileDialog::fileSelected, dialog, [&store, kind, parent](const QString &path) {
            QObject *context = parent ? static_cast<QObject *>(parent) : &store;
            whenFinished(
                context, exportCsvToFile(store, kind, path), [parent, path](const QString &error) {
                    auto *box = new QMessageBox(
                        error.isEmpty() ? QMessageBox::Information : QMessageBox::Warning,
                        CsvImportDialog::tr("Export"),
                        error.isEmpty()
                            ? CsvImportDialog::tr("Exported to %1.")
                                  .arg(QDir::toNativeSeparators(path))
                            : error % u' ' %
                                  CsvImportDialog::tr("Any existing file was left unchanged."),
                        QMessageBox::Ok, parent);
                    box->setObjectName(QStringLiteral("exportResultBox"));
                    box->setAttribute(Qt::WA_DeleteOnClose);
                    box->open();
                });
        });
    dialog->open();
}

} // namespace slotdesk
