import { Input } from 'antd';
import { useEffect, useRef, useState } from 'react';

const DEBOUNCE_MS = 350;

type TProps = {
  /** what the URL says is applied */
  value: string | undefined;
  onApply: (value: string | undefined) => void;
  placeholder: string;
  maxLength: number;
  width: number;
  search?: boolean;
  'data-testid'?: string;
};

/** A text filter that applies itself after a pause in typing (or at once on Enter). */
export function DebouncedInput({ value, onApply, placeholder, maxLength, width, search, ...rest }: TProps) {
  const [text, setText] = useState(value ?? '');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // the pending text must reach the newest onApply, which knows the newest URL
  const latest = useRef(onApply);
  useEffect(() => {
    latest.current = onApply;
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  // the URL changed under the box (back button, reset, a shared link): show what is really applied
  useEffect(() => {
    setText((current) => {
      if (current.trim() === (value ?? '')) return current;
      // a reset or a back button wins over what was still waiting to apply
      clearTimeout(timer.current);
      return value ?? '';
    });
  }, [value]);

  const apply = (next: string) => {
    clearTimeout(timer.current);
    const trimmed = next.trim() || undefined;
    if (trimmed !== value) latest.current(trimmed);
  };
  const onChange = (next: string) => {
    setText(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => apply(next), DEBOUNCE_MS);
  };
  const props = {
    allowClear: true,
    value: text,
    maxLength,
    placeholder,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
    style: { width },
    'data-testid': rest['data-testid'],
  };
  return search ? (
    <Input.Search {...props} onSearch={apply} />
  ) : (
    <Input {...props} onPressEnter={() => apply(text)} />
  );
}
