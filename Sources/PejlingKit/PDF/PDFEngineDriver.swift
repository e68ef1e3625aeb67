/// The Python program that ``PDFEngineProcess`` runs (`python -u -c script`): it imports
/// WeasyPrint once, then renders one document after another (see ``PDFEngineProcess`` for
/// the protocol). Kept here rather than in a file beside the binary, so that a pejling
/// binary copied anywhere still has it.
enum PDFEngineDriver {
    static let script = #"""
import sys, os
out = sys.stdout.buffer
sys.stdout = sys.stderr
def send(kind, payload):
    out.write(b'%s %d\n' % (kind, len(payload)))
    out.write(payload)
    out.flush()
try:
    import logging
    import weasyprint
except Exception as error:
    send(b'missing', str(error).encode('utf-8'))
    sys.exit(3)
logging.getLogger('weasyprint').setLevel(logging.CRITICAL)
logging.getLogger('fontTools').setLevel(logging.CRITICAL)
SVG = '{http://www.w3.org/2000/svg}'
def alt_text(document):
    # WeasyPrint takes a chart's alternative text from its <title>; the <desc> carries
    # the figures, so both go there.
    for svg in document.etree_element.iter(SVG + 'svg'):
        title = svg.find(SVG + 'title')
        desc = svg.find(SVG + 'desc')
        if title is not None and desc is not None and desc.text:
            title.text = (title.text or '').strip() + '. ' + desc.text.strip()
send(b'ready', weasyprint.__version__.encode('utf-8'))
stdin = sys.stdin.buffer
while True:
    line = stdin.readline()
    if not line:
        break
    try:
        size = int(line.split()[1])
        html = stdin.read(size).decode('utf-8')
    except Exception:
        break
    try:
        document = weasyprint.HTML(string=html, base_url=None)
        alt_text(document)
        pdf = document.write_pdf(pdf_variant='pdf/ua-1', pdf_identifier=True, uncompressed_pdf=False)
        send(b'ok', pdf)
    except Exception as error:
        send(b'error', ('%s: %s' % (type(error).__name__, error)).encode('utf-8'))
"""#
}
