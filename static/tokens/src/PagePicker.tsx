import { AsyncSelect } from '@atlaskit/select';
import type { PageRef } from '../../../src/contract/resolvers';
import { callResolver } from '../../common/bridge';
import { messageId } from '../../common/FieldMessage';
import { MAX_PAGE_TREES_PER_TOKEN } from './token-form';

interface PageOption {
  label: string;
  value: string;
  page: PageRef;
}

interface PagePickerProps {
  inputId: string;
  spaceKeys: string[];
  value: PageRef[];
  onChange: (pages: PageRef[]) => void;
  isInvalid: boolean;
}

const option = (page: PageRef): PageOption => ({ label: `${page.title} (${page.spaceKey})`, value: page.id, page });

/**
 * Pages by title in the chosen spaces, as the signed-in user sees them (the searchPages resolver).
 * Loaded when first needed (a space is chosen), not with the page.
 */
export function PagePicker({ inputId, spaceKeys, value, onChange, isInvalid }: PagePickerProps) {
  async function loadOptions(text: string): Promise<PageOption[]> {
    const { pages } = await callResolver('searchPages', { spaceKeys, query: text });
    return pages.map(option);
  }

  return (
    <AsyncSelect<PageOption, true>
      // A new set of spaces is a new search: remount so cached answers for the old spaces are not offered.
      key={spaceKeys.join(',')}
      inputId={inputId}
      isMulti
      defaultOptions
      cacheOptions
      loadOptions={loadOptions}
      value={value.map(option)}
      onChange={(chosen) => onChange(chosen.map((entry) => entry.page))}
      isOptionDisabled={() => value.length >= MAX_PAGE_TREES_PER_TOKEN}
      isInvalid={isInvalid}
      descriptionId={messageId(inputId)}
      placeholder="Whole spaces (search to limit to pages)"
      noOptionsMessage={({ inputValue }) => (inputValue ? `No page titled like “${inputValue}”` : 'No pages')}
      loadingMessage={() => 'Searching pages…'}
      testId={inputId}
    />
  );
}
