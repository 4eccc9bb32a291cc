import { decideWithinList, type TreeKnowledge } from '../../src/core/page-tree';

describe('placing a list’s pages from its own parent links', () => {
  it('decides children listed before their parents, and leaves only pages whose parents are off the list', () => {
    const known: TreeKnowledge = new Map();
    const undecided = decideWithinList(new Set(['1']), known, [
      { id: '4', parentId: '3' }, // grandchild, listed first
      { id: '3', parentId: '1' }, // child of the root
      { id: '6', parentId: '5' }, // parent off the list
      { id: '7', parentId: null }, // root-level, not a root
      { id: '1', parentId: null }, // the root
    ]);
    expect(undecided).toEqual(['6']);
    expect(Object.fromEntries(known)).toEqual({ '1': true, '3': true, '4': true, '7': false });
  });
});
