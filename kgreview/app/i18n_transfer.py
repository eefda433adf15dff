"""UI strings of the overview and the import & export page (English, 中文), merged into
:data:`kgreview.app.i18n.STRINGS`."""

from __future__ import annotations

# key -> (English, 中文)
OVERVIEW_TRANSFER: dict[str, tuple[str, str]] = {
    # Overview
    "overview_title": ("kgreview — corpus overview", "kgreview — 语料概览"),
    "store_caption": ("Store: {store} · revision {revision}", "数据库：{store} · 版本 {revision}"),
    "stat_documents": ("Documents", "文献"),
    "stat_segments": ("Segments", "片段"),
    "stat_codings": ("Codings", "编码次数"),
    "stat_codes": ("Codes", "编码"),
    "stat_authors": ("Authors", "作者"),
    "stat_references": ("References", "参考文献"),
    "by_type": ("Documents by type", "按类型的文献数"),
    "by_lang": ("Documents by language", "按语言的文献数"),
    "by_year": ("Documents by year", "按年份的文献数"),
    "doc_type": ("Type", "类型"),
    "language_col": ("Language", "语言"),
    "no_year": ("no year", "无年份"),
    "top_codes": ("Top codes per category", "各类别最常见的编码"),
    "history": ("What was ingested when", "导入记录"),
    "ingested_at": ("Ingested at (UTC)", "导入时间（UTC）"),
    "files": ("Files", "文件"),
    "unknown_time": ("before times were recorded", "未记录时间"),
    "explore": ("Explore", "浏览"),
    "dt_article": ("article", "期刊论文"),
    "dt_thesis": ("thesis", "学位论文"),
    "dt_book": ("book", "图书"),
    "dt_conference": ("conference paper", "会议论文"),
    "dt_newspaper": ("newspaper", "报纸"),
    "dt_text": ("text", "文本"),
    "dt_transcript": ("interview transcript", "访谈转录"),
    "dt_review": ("review", "综述"),
    "dt_report": ("report", "报告"),
    "lang_zh": ("Chinese", "中文"),
    "lang_en": ("English", "英文"),
    "lang_und": ("undetermined", "未识别"),
    "more_files": ("… +{n} more", "…… 另 {n} 个"),
    # Import & export
    "transfer_title": ("Import & export", "导入与导出"),
    "import": ("Import files", "导入文件"),
    "import_caption": (
        "Any format `kgreview ingest` reads: CNKI (NoteExpress, EndNote, RefWorks, custom), RIS, "
        "Web of Science, Scopus, BibTeX, CSV/XLSX, Word, PDF, text, transcripts, REFI-QDA. "
        "Files are read and auto-coded; unchanged files are skipped.",
        "`kgreview ingest` 能读取的任何格式：知网（NoteExpress、EndNote、RefWorks、自定义）、RIS、"
        "Web of Science、Scopus、BibTeX、CSV/XLSX、Word、PDF、文本、访谈转录、REFI-QDA。"
        "文件会被读取并自动编码；未改动的文件会被跳过。",
    ),
    "upload_files": ("Files to import", "要导入的文件"),
    "ingest_button": ("Import into the store", "导入数据库"),
    "reading": ("Reading …", "读取中……"),
    "upload_done": ("Imported:", "已导入："),
    "upload_partly": ("Imported, with problems:", "已导入，但有问题："),
    "upload_failed": ("Nothing could be imported:", "没有可导入的内容："),
    "upload_error": ("The upload could not be saved.", "无法保存上传的文件。"),
    "export": ("Export", "导出"),
    "refi": (
        "REFI-QDA (NVivo, ATLAS.ti, MAXQDA, QualCoder)",
        "REFI-QDA（NVivo、ATLAS.ti、MAXQDA、QualCoder）",
    ),
    "refi_caption": (
        "The whole project (.qdpx: sources, codes, coders' codings, memos, cases) or the "
        "codebook alone (.qdc).",
        "整个项目（.qdpx：资料、编码、编码者的编码、备忘录、个案）或仅编码本（.qdc）。",
    ),
    "include_auto": ("Include the auto-codes (as their own user)", "包含自动编码（作为单独用户）"),
    "download_qdpx": ("Project (.qdpx)", "项目（.qdpx）"),
    "download_qdc": ("Codebook (.qdc)", "编码本（.qdc）"),
    "network_files": ("Co-occurrence network (Gephi)", "共现网络（Gephi）"),
    "network_files_caption": (
        "Every code co-occurring in at least one document (up to 150 codes); the network page "
        "exports the filtered graph you see there.",
        "至少在一篇文献中共现的所有编码（最多 150 个）；共现网络页面可导出当前筛选的网络。",
    ),
    "tables": ("Tables", "表格"),
    "tables_caption": (
        "The literature summary table (文献综述表, with its evidence sheet) and code frequencies.",
        "文献综述表（含证据工作表）与编码频次。",
    ),
    "summary_xlsx": ("Summary table (.xlsx)", "文献综述表（.xlsx）"),
    "summary_csv": ("Summary table (.csv)", "文献综述表（.csv）"),
    "frequencies_xlsx": ("Code frequencies (.xlsx)", "编码频次（.xlsx）"),
    "frequencies_csv": ("Code frequencies (.csv)", "编码频次（.csv）"),
}
