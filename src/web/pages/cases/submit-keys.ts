import type { FormInstance } from 'antd';
import type { KeyboardEvent } from 'react';

/** Multi-line fields keep Enter for new lines; Ctrl+Enter (⌘+Enter on a Mac) saves the form. */
export function submitOnCtrlEnter(form: FormInstance) {
  return (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.submit();
    }
  };
}
