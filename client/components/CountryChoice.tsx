import { createSignal, For } from 'solid-js';
import { COUNTRIES, countryOfLocale, isCountry, type Country } from '../../shared/country.js';
import { locale, t } from '../i18n/index.js';

/**
 * The country a new workspace is for, as a radio group named `country` (README "HTTP API":
 * `POST /api/workspaces` `country`): a fieldset whose legend names it, so screen readers
 * announce "Land" with the choice (WCAG 1.3.1, 3.3.2), Tab reaches the chosen one and the
 * arrows change it. Until its maker picks one it proposes the UI language's country (bokmål
 * → Norge) and follows a language change. `describedBy` is the id of the text that says
 * what the country decides (`workspaceCountryHelp`), shown where the form has room for it.
 */
export function CountryChoice(props: { describedBy: string }) {
  const [picked, setPicked] = createSignal<Country | null>(null);
  const chosen = () => picked() ?? countryOfLocale(locale());
  return (
    <fieldset class="country-choice" aria-describedby={props.describedBy}>
      <legend>{t('workspaceCountry')}</legend>
      <For each={COUNTRIES}>
        {(country) => (
          <label class="check">
            <input
              type="radio"
              name="country"
              value={country}
              checked={chosen() === country}
              onChange={(e) => isCountry(e.currentTarget.value) && setPicked(e.currentTarget.value)}
            />
            {t(`country_${country}`)}
          </label>
        )}
      </For>
    </fieldset>
  );
}

/** The name of `country` in the UI language, or null for one the app does not know. */
export function countryName(country: string): string | null {
  return isCountry(country) ? t(`country_${country}`) : null;
}
