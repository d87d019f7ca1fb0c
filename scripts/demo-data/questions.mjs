// The demo store's questions and answers (issue 17), in the demo's languages,
// seeded by seed-questions.mjs through vouch-server's own routes. DEMO CONTENT:
// written by the Vouch developers for the demo store, not from real customers
// (like multilingual-reviews.json). Licence: CC0 1.0.
//
// Each question says how far it gets:
//   answers: []                      waiting: asked, held for moderation, not shown
//   approved: true, answers: []      published but not answered yet: not shown either
//   answers: [{ by: 'store' }]       the store's answer (badge "Store answer")
//   answers: [{ by: 'buyer', buyer }] a verified buyer's answer through the signed answer
//                                    link of their order (badge "Verified buyer");
//                                    `pending: true` leaves it waiting for moderation
// `votes` is how many shoppers found the answer helpful.

/**
 * Buyers with a real order, as vouch-server knows them: each reviews the
 * product through the signed review link of `order` (so the order is a
 * verified one), and is then invited to answer its questions.
 */
export const demoBuyers = {
  maya: {
    product: 'demo-linen-dress', order: 'demo-order-2041', author: 'Maya R.', language: 'en', rating: 5,
    title: 'My summer dress now',
    body: 'I wear it to work and on weekends. The wrap ties at the side so the waist is easy to adjust, and the linen softens with every wash.',
  },
  jonas: {
    product: 'demo-linen-dress', order: 'demo-order-2042', author: 'Jonas B.', language: 'en', rating: 4,
    title: 'Bought it for my partner',
    body: 'She is 172 cm and the M is a good length, just below the knee. It creases like linen does; she likes that look, so four stars from me for the ironing only.',
  },
  ting: {
    product: 'demo-linen-dress', order: 'demo-order-2043', author: '周婷', language: 'zh-CN', rating: 5,
    title: '颜色很温柔',
    body: '沙色很好搭配，系带设计显腰细。我平时穿S码，这件S码刚好，夏天穿很凉快。',
  },
  elodie: {
    product: 'demo-merino-cardigan', order: 'demo-order-2051', author: 'Élodie M.', language: 'fr', rating: 5,
    title: 'Douce et chaude',
    body: 'Je la porte tous les jours depuis octobre. Aucune bouloche pour l’instant, et la couleur brique est encore plus jolie en vrai.',
  },
  sofia: {
    product: 'demo-knit-tee', order: 'demo-order-2061', author: 'Sofía G.', language: 'es', rating: 4,
    title: 'Básica y cómoda',
    body: 'El tejido es suave y no se transparenta. La talla M me queda un poco holgada, como en la foto. La lavo a 30 grados sin problema.',
  },
  meiling: {
    product: 'demo-silk-blouse', order: 'demo-order-2071', author: '林美玲', language: 'zh-TW', rating: 5,
    title: '上班穿很得體',
    body: '絲質很有光澤，穿起來不悶熱。鈕扣縫得很牢，剪裁也修身。',
  },
};

export const demoQuestions = [
  {
    product: 'demo-linen-dress', language: 'en', author: 'Priya',
    text: 'Does the wrap dress run true to size? I am usually between a small and a medium.',
    answers: [
      { by: 'store', votes: 4, text: 'It runs true to size. The wrap adjusts at the waist, so between two sizes we suggest the smaller one; the size guide lists chest and hip in cm.' },
      { by: 'buyer', buyer: 'maya', votes: 7, text: 'I am between S and M too and took the S. The wrap gives plenty of room, and the M looked a little loose on the shoulders.' },
      { by: 'buyer', buyer: 'jonas', votes: 2, text: 'My partner is a medium in most shops and the M fits her well, with room to tie the wrap tighter.' },
    ],
  },
  {
    product: 'demo-linen-dress', language: 'de', author: 'Katrin',
    text: 'Kann man das Kleid in der Waschmaschine waschen, oder nur von Hand?',
    answers: [
      { by: 'store', votes: 3, text: 'Ja, im Schonwaschgang bei 30 °C, auf links gedreht. Bitte nicht in den Trockner: an der Luft trocknen lassen und leicht feucht bügeln.' },
    ],
  },
  {
    product: 'demo-linen-dress', language: 'zh-CN', author: '王女士',
    text: '请问浅色款透不透？需要搭配衬裙吗？',
    answers: [
      { by: 'buyer', buyer: 'ting', votes: 1, text: '我买的是沙色，在阳光下也不太透，我没有穿衬裙。白色可能需要搭配浅色内衣。' },
    ],
  },
  {
    product: 'demo-linen-dress', language: 'en', author: 'Hannah',
    text: 'Will there be a petite length of this dress? I am 155 cm tall.',
    answers: [],
  },
  {
    product: 'demo-merino-cardigan', language: 'fr', author: 'Camille',
    text: 'Est-ce que la laine gratte ? J’ai la peau sensible.',
    answers: [
      { by: 'buyer', buyer: 'elodie', votes: 5, text: 'Pas du tout, je la porte directement sur la peau avec un débardeur. C’est du mérinos très fin.' },
      { by: 'store', votes: 1, text: 'C’est du mérinos extra-fin (18,5 microns), qui ne gratte pas chez la plupart des personnes. Vous pouvez la retourner sous 30 jours si elle ne vous convient pas.' },
    ],
  },
  {
    product: 'demo-merino-cardigan', language: 'en', author: 'Tom',
    text: 'How should I wash merino so that it does not shrink?',
    answers: [
      { by: 'store', votes: 3, text: 'Hand wash in cool water with a wool detergent, or use the wool cycle at 30 °C. Press the water out in a towel and dry it flat, away from the radiator.' },
    ],
  },
  {
    product: 'demo-merino-cardigan', language: 'ja', author: '佐藤',
    text: 'Mサイズの袖丈は何センチですか？',
    answers: [],
  },
  {
    product: 'demo-knit-tee', language: 'es', author: 'Lucía',
    text: '¿La camiseta encoge después del primer lavado?',
    answers: [
      { by: 'buyer', buyer: 'sofia', votes: 2, text: 'La mía no ha encogido. La lavo a 30 grados y la seco tendida, nunca en secadora.' },
    ],
  },
  {
    product: 'demo-knit-tee', language: 'en', author: 'Ben',
    text: 'Is the white tee see-through? I would like to wear it on its own.',
    approved: true,
    answers: [],
  },
  {
    product: 'demo-silk-blouse', language: 'ja', author: '田中',
    text: 'シルクのブラウスは自宅で手洗いできますか？',
    answers: [
      { by: 'store', votes: 2, text: 'はい、30℃以下のぬるま湯とおしゃれ着用洗剤でやさしく手洗いできます。絞らずにタオルで水気を取り、陰干ししてください。' },
    ],
  },
  {
    product: 'demo-silk-blouse', language: 'zh-TW', author: '陳小姐',
    text: '請問這件襯衫有附備用鈕扣嗎？',
    answers: [
      { by: 'store', votes: 0, text: '有的，每件襯衫的內側標籤上都縫有一顆備用鈕扣。' },
      { by: 'buyer', buyer: 'meiling', pending: true, text: '有，備用鈕扣在左側縫線的標籤上，我一開始也沒找到。' },
    ],
  },
  {
    product: 'demo-silk-blouse', language: 'en', author: 'Grace',
    text: 'Do you ship to Canada, and how long does delivery take?',
    answers: [
      { by: 'store', votes: 1, text: 'Yes, we ship to Canada with tracking. Delivery takes 5 to 8 working days; duties are shown at checkout so there is nothing to pay at the door.' },
    ],
  },
  {
    product: 'demo-capsule-box', language: 'en', author: 'Nadia',
    text: 'Can I choose the size of each piece in the box separately?',
    answers: [
      { by: 'store', votes: 6, text: 'Yes: at checkout you pick a size for the dress, the knit, the blouse and the trousers one by one, and you can exchange any single piece.' },
    ],
  },
  {
    product: 'demo-capsule-box', language: 'de', author: 'Lukas',
    text: 'Wie lange dauert der Versand nach Österreich?',
    answers: [],
  },
];
