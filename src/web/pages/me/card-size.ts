import { Grid } from 'antd';

/** Compact cards on a phone (less padding leaves room for the form), regular ones from a tablet up. */
export function useCardSize(): 'small' | 'default' {
  return Grid.useBreakpoint().md ? 'default' : 'small';
}
