/**
 * Draws the QR code of each element with a data-qr attribute (the terminal page's address with the id
 * filled in) as an SVG, with qrcode-generator served by Replycast itself.
 */
import qrcode from '../vendor/qrcode.mjs';

for (const target of document.querySelectorAll('[data-qr]')) {
  // Type 0 picks the smallest version that holds the text; M corrects up to 15 % of damaged modules.
  const code = qrcode(0, 'M');
  code.addData(target.dataset.qr);
  code.make();
  target.innerHTML = code.createSvgTag({ cellSize: 5, margin: 4 });
  target.dataset.qrModules = String(code.getModuleCount());
}
