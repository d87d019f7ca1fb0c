// The demo store's catalogue: one entry per product page in demo/products/.
// `clothingId` is the Kaggle clothing dataset's "Clothing ID" whose real
// reviews (clothing-reviews.csv.br) the product receives; `target` is how
// many reviews the product has after seeding (the capsule box shows 20,000:
// sort, filter and search must stay instant at that size).
export const products = [
  {
    id: 'demo-linen-dress',
    page: 'linen-wrap-dress.html',
    name: 'Linen Wrap Dress',
    clothingId: '1078',
    kind: 'dress',
    colors: { fabric: '#c9a27e', shade: '#6b4a2f', backdrop: '#f3ece2' },
  },
  {
    id: 'demo-knit-tee',
    page: 'everyday-knit-tee.html',
    name: 'Everyday Knit Tee',
    clothingId: '862',
    kind: 'tee',
    colors: { fabric: '#7d8f7a', shade: '#3d4a3b', backdrop: '#eef0ea' },
  },
  {
    id: 'demo-silk-blouse',
    page: 'silk-button-blouse.html',
    name: 'Silk Button Blouse',
    clothingId: '829',
    kind: 'blouse',
    colors: { fabric: '#e9dccb', shade: '#8a6d4b', backdrop: '#f6f1ea' },
  },
  {
    id: 'demo-merino-cardigan',
    page: 'merino-cardigan.html',
    name: 'Merino Cardigan',
    clothingId: '936',
    kind: 'cardigan',
    colors: { fabric: '#9b4f3f', shade: '#4f2319', backdrop: '#f4e9e4' },
  },
  {
    id: 'demo-capsule-box',
    page: 'capsule-wardrobe-box.html',
    name: 'Capsule Wardrobe Box',
    clothingId: null, // every row of the dataset: a box of dresses, knits, blouses and trousers
    target: 20000,
    kind: 'box',
    colors: { fabric: '#d8c3a5', shade: '#5a4632', backdrop: '#efe8dc' },
  },
];

export const productById = Object.fromEntries(products.map((p) => [p.id, p]));
