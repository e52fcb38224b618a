/**
 * Widgets the AOSP test apps' layouts are made of, with the behaviour Android gives them: a
 * Spinner that opens a dropdown of CheckedTextViews (android:id/text1) and shows the selection, a
 * ListView of `config_item.xml` rows (configItem / configValue), an `<include>` of
 * construct_imsreasoninfo.xml whose root takes the include's id.
 */
import { type Activity } from '../activity';
import { view, type ViewNode } from '../view';

export interface SpinnerWidget {
  readonly node: ViewNode;
  selected(): string;
}

/** A Spinner showing `entries[0]`; a click opens the dropdown, a click on an entry selects it. */
export function spinner(pkg: string, id: string, entries: readonly string[], activity: () => Activity, onSelected?: (item: string) => void): SpinnerWidget {
  let selected = entries[0] ?? '';
  const shown = view(pkg, 'android.widget.TextView', { id: 'android:id/text1', text: selected });
  const node = view(pkg, 'android.widget.Spinner', {
    id,
    onClick: () => {
      const host = activity();
      host.overlay = view(pkg, 'android.widget.ListView', { clickable: false }, entries.map((entry) => view(pkg, 'android.widget.CheckedTextView', {
        id: 'android:id/text1',
        text: entry,
        clickable: true,
        onClick: () => {
          selected = entry;
          shown.text = entry;
          host.overlay = undefined;
          onSelected?.(entry);
        },
      })));
    },
  }, [shown]);
  return { node, selected: () => selected };
}

/** A ListView whose rows are config_item.xml: TextView configItem, TextView configValue. */
export function configList(pkg: string, id: string): { node: ViewNode; add(item: string, value: string): void; set(rows: readonly (readonly [string, string])[]): void } {
  const node = view(pkg, 'android.widget.ListView', { id, clickable: false });
  const row = (item: string, value: string): ViewNode => view(pkg, 'android.widget.LinearLayout', {}, [
    view(pkg, 'android.widget.TextView', { id: 'configItem', text: item }),
    view(pkg, 'android.widget.TextView', { id: 'configValue', text: value }),
  ]);
  return {
    node,
    add: (item, value) => { node.children = [...node.children, row(item, value)]; },
    set: (rows) => { node.children = rows.map(([item, value]) => row(item, value)); },
  };
}

export function label(pkg: string, text: string, bold = false): ViewNode {
  return view(pkg, 'android.widget.TextView', { text, bold });
}

export function button(pkg: string, id: string, text: string, onClick: () => void): ViewNode {
  return view(pkg, 'android.widget.Button', { id, text, onClick });
}

export function checkBox(pkg: string, id: string, text: string, checked = false): ViewNode {
  return view(pkg, 'android.widget.CheckBox', { id, text, checked });
}

export function editText(pkg: string, id: string, text: string, hint = ''): ViewNode {
  return view(pkg, 'android.widget.EditText', { id, text, hint });
}
