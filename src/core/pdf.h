/* Uploaded PDF documents through qpdf: parsed as a whole object graph (not searched as bytes),
 * refused when they carry active content (scripts, launch actions, attachments, rich media,
 * XFA forms), and rewritten without the metadata that names people, machines and paths: the
 * document-information dictionary, XMP streams, application data and the original file ID. */
#ifndef SIARAN_PDF_H
#define SIARAN_PDF_H

/* Reads the PDF at src, checks it and writes a cleaned copy to dst (created; removed again on
 * failure). The copy has no /Info, no /Metadata or /PieceInfo on any object, no /ID of the
 * original, and is not encrypted; its file ID is derived from its content, so the same upload
 * always gives the same bytes. Returns 0; -1 with *why (Indonesian, for the user) when the file
 * is refused (cannot be parsed, has no page, needs a password, carries active content); -2
 * (logged) when dst cannot be written. */
int pdf_clean(const char *src, const char *dst, const char **why);

#endif
